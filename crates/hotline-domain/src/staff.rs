//! Staff roles and what each may do (docs/SPEC.md §1).
//!
//! Every permission is decided by [`may`]; the web and API layers ask it and never decide
//! on their own, so a rule changes in one place. Also analyst welfare: the daily cap on
//! time spent assessing material.

named_enum!(
    /// A staff member's role. One role per account.
    Role {
        Analyst => "analyst",
        Supervisor => "supervisor",
        Admin => "admin",
        Police => "police",
    }
);

/// Everything a staff member can try to do; permissions are decided only here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    ViewQueue,
    ViewCase,
    ReadReports,
    /// The reporter's name and email, when they left them: never beyond the hotline.
    ReadContact,
    StartAssessment,
    Assess,
    RequestSecondOpinion,
    Review,
    Reassign,
    Reopen,
    MoveCase,
    MessageReporter,
    /// Ask for a fresh trace of where the address is hosted.
    Retrace,
    /// Record what the police did with a referral (acknowledged, hold, cleared, orders).
    RecordPoliceStep,
    LiftWelfareCap,
    ViewWelfare,
    ViewAudit,
    ManageUsers,
    ManageTokens,
    /// Read the blocklist of addresses assessed illegal and still online.
    ReadBlocklist,
    /// Mark a whole domain as dedicated to abuse material (it then goes whole into the DNS
    /// blocklist): a supervisor's decision.
    MarkDedicatedDomain,
    /// Timeline statistics and the trusted-flagger report: aggregates, no case content.
    ViewStatistics,
    /// Put a case under legal hold (the retention purge keeps it whole) or lift the hold.
    LegalHold,
    /// Mark reports as spam and close their cases, many at once.
    MarkSpam,
    /// Change the procedure, national settings, retention periods and notice template on
    /// the admin pages (applied without a restart).
    ManageSettings,
    /// Register, change and disable partner hotlines and police contacts.
    ManagePartners,
}

impl Action {
    pub const ALL: &'static [Action] = &[
        Action::ViewQueue,
        Action::ViewCase,
        Action::ReadReports,
        Action::ReadContact,
        Action::StartAssessment,
        Action::Assess,
        Action::RequestSecondOpinion,
        Action::Review,
        Action::Reassign,
        Action::Reopen,
        Action::MoveCase,
        Action::MessageReporter,
        Action::Retrace,
        Action::RecordPoliceStep,
        Action::LiftWelfareCap,
        Action::ViewWelfare,
        Action::ViewAudit,
        Action::ManageUsers,
        Action::ManageTokens,
        Action::ReadBlocklist,
        Action::MarkDedicatedDomain,
        Action::ViewStatistics,
        Action::LegalHold,
        Action::MarkSpam,
        Action::ManageSettings,
        Action::ManagePartners,
    ];

    /// Completes "may not …" in refusals.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::ViewQueue => "view the queue",
            Action::ViewCase => "view this case",
            Action::ReadReports => "read reports",
            Action::ReadContact => "see a reporter's contact details",
            Action::StartAssessment => "start an assessment",
            Action::Assess => "record an assessment",
            Action::RequestSecondOpinion => "ask for a second opinion",
            Action::Review => "review an assessment",
            Action::Reassign => "reassign a case",
            Action::Reopen => "reopen a case",
            Action::MoveCase => "move a case",
            Action::MessageReporter => "message a reporter",
            Action::Retrace => "trace an address again",
            Action::RecordPoliceStep => "record a police decision",
            Action::LiftWelfareCap => "lift a welfare cap",
            Action::ViewWelfare => "see analysts' welfare",
            Action::ViewAudit => "see the audit trail",
            Action::ManageUsers => "manage users",
            Action::ManageTokens => "manage API tokens",
            Action::ReadBlocklist => "read the blocklist",
            Action::MarkDedicatedDomain => "mark a domain as dedicated to abuse material",
            Action::ViewStatistics => "see the statistics",
            Action::LegalHold => "put a case under legal hold",
            Action::MarkSpam => "mark reports as spam",
            Action::ManageSettings => "change the hotline's settings",
            Action::ManagePartners => "manage partners and police contacts",
        }
    }
}

/// Why an account may not be disabled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DisableRefused {
    #[error("you cannot disable your own account; ask another admin")]
    Yourself,
    #[error("this is the last enabled admin account; enable or add another admin first")]
    LastAdmin,
}

/// Whether `actor` may disable `target` (role `target_role`) while `enabled_admins` admin
/// accounts are enabled (the target among them if it is one): nobody locks themselves out,
/// and there is always an admin left to manage accounts and settings.
pub fn check_disable(
    actor: &str,
    target: &str,
    target_role: Role,
    enabled_admins: u64,
) -> Result<(), DisableRefused> {
    if actor == target {
        Err(DisableRefused::Yourself)
    } else if target_role == Role::Admin && enabled_admins <= 1 {
        Err(DisableRefused::LastAdmin)
    } else {
        Ok(())
    }
}

/// What matters about a case for permissions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CaseAccess {
    pub referred_to_police: bool,
}

/// Which reporters' contact details a viewer of a case file may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactView {
    /// None: the details stay sealed.
    Hidden,
    /// Only those of reporters who agreed to be contacted by the police.
    ConsentedToPolice,
    /// All of them (hotline staff who handle cases).
    All,
}

/// The contact details `role` may see on a case: hotline case handlers see all; the police,
/// on a case referred to them, see only reporters who agreed to be contacted by the police.
pub fn contact_view(role: Role, case: Option<CaseAccess>) -> ContactView {
    if may(role, Action::ReadContact, case) {
        ContactView::All
    } else if role == Role::Police && may(role, Action::ViewCase, case) {
        ContactView::ConsentedToPolice
    } else {
        ContactView::Hidden
    }
}

/// Whether `role` may do `action`. `case` is the case the action is about, when there is
/// one; only the police role looks at it (police see a case once it is referred to them).
pub fn may(role: Role, action: Action, case: Option<CaseAccess>) -> bool {
    use Action::*;
    match role {
        Role::Analyst => analyst_may(action),
        Role::Supervisor => {
            analyst_may(action)
                || matches!(
                    action,
                    Review
                        | Reassign
                        | Reopen
                        | LiftWelfareCap
                        | ViewWelfare
                        | ViewAudit
                        | RecordPoliceStep
                        | MarkDedicatedDomain
                        | LegalHold
                        | MarkSpam
                )
        }
        // Admins run the system, not cases: least privilege.
        Role::Admin => matches!(
            action,
            ManageUsers
                | ManageTokens
                | ManageSettings
                | ManagePartners
                | ViewAudit
                | ViewStatistics
        ),
        Role::Police => match action {
            ViewQueue => true,
            ViewCase | ReadReports | RecordPoliceStep => case.is_some_and(|c| c.referred_to_police),
            _ => false,
        },
    }
}

fn analyst_may(action: Action) -> bool {
    use Action::*;
    matches!(
        action,
        ViewQueue
            | ViewCase
            | ReadReports
            | ReadContact
            | StartAssessment
            | Assess
            | RequestSecondOpinion
            | MoveCase
            | MessageReporter
            | Retrace
            | ReadBlocklist
            | ViewStatistics
    )
}

/// A refused action.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the {role} role may not {}", action.as_str())]
pub struct Forbidden {
    pub role: Role,
    pub action: Action,
}

/// [`may`] as a `Result`, for `?`.
pub fn check(role: Role, action: Action, case: Option<CaseAccess>) -> Result<(), Forbidden> {
    if may(role, action, case) {
        Ok(())
    } else {
        Err(Forbidden { role, action })
    }
}

/// Analyst welfare: a daily cap on assessment time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WelfareCap {
    pub daily_minutes: u32,
}

impl Default for WelfareCap {
    /// Two hours a day.
    fn default() -> Self {
        WelfareCap { daily_minutes: 120 }
    }
}

impl WelfareCap {
    /// Whether an analyst who has spent `minutes_today` assessing may take another
    /// assessment. A supervisor may lift the cap for the day (`lifted_today`).
    pub fn may_take_assessment(self, minutes_today: u32, lifted_today: bool) -> bool {
        minutes_today < self.daily_minutes || lifted_today
    }
}

/// Who may export cases for another case system: supervisors and admins. The reporters'
/// contact details go with an export only when an admin asks for them explicitly.
pub fn may_export(role: Role, with_reporters: bool) -> bool {
    match role {
        Role::Admin => true,
        Role::Supervisor => !with_reporters,
        Role::Analyst | Role::Police => false,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn nobody_disables_themselves_or_the_last_admin() {
        use super::{DisableRefused, Role, check_disable};
        assert_eq!(
            check_disable("ada", "ada", Role::Admin, 2),
            Err(DisableRefused::Yourself)
        );
        assert_eq!(
            check_disable("ada", "bob", Role::Admin, 1),
            Err(DisableRefused::LastAdmin)
        );
        assert_eq!(check_disable("ada", "bob", Role::Admin, 2), Ok(()));
        assert_eq!(check_disable("ada", "pol", Role::Police, 1), Ok(()));
        assert_eq!(check_disable("cli", "ann", Role::Analyst, 0), Ok(()));
    }

    use super::*;
    use Action::*;

    const REFERRED: Option<CaseAccess> = Some(CaseAccess {
        referred_to_police: true,
    });

    #[test]
    fn police_see_only_contacts_that_consented_and_only_on_referred_cases() {
        let not_referred = Some(CaseAccess {
            referred_to_police: false,
        });
        assert_eq!(
            contact_view(Role::Police, REFERRED),
            ContactView::ConsentedToPolice
        );
        assert_eq!(
            contact_view(Role::Police, not_referred),
            ContactView::Hidden
        );
        assert_eq!(contact_view(Role::Analyst, not_referred), ContactView::All);
        assert_eq!(contact_view(Role::Supervisor, REFERRED), ContactView::All);
        assert_eq!(contact_view(Role::Admin, REFERRED), ContactView::Hidden);
    }
    const NOT_REFERRED: Option<CaseAccess> = Some(CaseAccess {
        referred_to_police: false,
    });

    #[test]
    fn table_of_roles_and_actions() {
        // Columns: analyst, supervisor, admin, police (police: with no case given).
        #[rustfmt::skip]
        let table: &[(Action, [bool; 4])] = &[
            (ViewQueue,            [true,  true,  false, true ]),
            (ViewCase,             [true,  true,  false, false]),
            (ReadReports,          [true,  true,  false, false]),
            (ReadContact,          [true,  true,  false, false]),
            (StartAssessment,      [true,  true,  false, false]),
            (Assess,               [true,  true,  false, false]),
            (RequestSecondOpinion, [true,  true,  false, false]),
            (Review,               [false, true,  false, false]),
            (Reassign,             [false, true,  false, false]),
            (Reopen,               [false, true,  false, false]),
            (MoveCase,             [true,  true,  false, false]),
            (MessageReporter,      [true,  true,  false, false]),
            (Retrace,              [true,  true,  false, false]),
            (RecordPoliceStep,     [false, true,  false, false]),
            (LiftWelfareCap,       [false, true,  false, false]),
            (ViewWelfare,          [false, true,  false, false]),
            (ViewAudit,            [false, true,  true,  false]),
            (ManageUsers,          [false, false, true,  false]),
            (ManageTokens,         [false, false, true,  false]),
            (ReadBlocklist,        [true,  true,  false, false]),
            (MarkDedicatedDomain,  [false, true,  false, false]),
            (ViewStatistics,       [true,  true,  true,  false]),
            (LegalHold,            [false, true,  false, false]),
            (MarkSpam,             [false, true,  false, false]),
            (ManageSettings,       [false, false, true,  false]),
            (ManagePartners,       [false, false, true,  false]),
        ];
        assert_eq!(table.len(), Action::ALL.len());
        let roles = [Role::Analyst, Role::Supervisor, Role::Admin, Role::Police];
        assert_eq!(roles.len(), Role::ALL.len());
        for (action, expected) in table {
            for (role, want) in roles.iter().zip(expected) {
                assert_eq!(may(*role, *action, None), *want, "{role} {action:?}");
                assert_eq!(check(*role, *action, None).is_ok(), *want);
            }
        }
    }

    #[test]
    fn staff_ignore_case_referral() {
        for role in [Role::Analyst, Role::Supervisor, Role::Admin] {
            for action in Action::ALL {
                let base = may(role, *action, None);
                assert_eq!(may(role, *action, REFERRED), base);
                assert_eq!(may(role, *action, NOT_REFERRED), base);
            }
        }
    }

    #[test]
    fn police_see_only_referred_cases() {
        for action in [ViewCase, ReadReports, RecordPoliceStep] {
            assert!(may(Role::Police, action, REFERRED));
            assert!(!may(Role::Police, action, NOT_REFERRED));
            assert!(!may(Role::Police, action, None));
        }
        assert!(may(Role::Police, ViewQueue, None));
        for action in Action::ALL {
            if !matches!(
                action,
                ViewQueue | ViewCase | ReadReports | RecordPoliceStep
            ) {
                assert!(!may(Role::Police, *action, REFERRED), "{action:?}");
            }
        }
    }

    #[test]
    fn refusal_message() {
        let err = check(Role::Police, Assess, REFERRED).unwrap_err();
        assert_eq!(
            err,
            Forbidden {
                role: Role::Police,
                action: Assess
            }
        );
        assert_eq!(
            err.to_string(),
            "the police role may not record an assessment"
        );
        assert_eq!(
            check(Role::Admin, ViewCase, None).unwrap_err().to_string(),
            "the admin role may not view this case"
        );
    }

    #[test]
    fn role_names_round_trip() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(*role));
        }
        assert_eq!("Police".parse::<Role>(), Err(()));
    }

    #[test]
    fn only_admins_export_reporters() {
        assert!(may_export(Role::Admin, true));
        assert!(may_export(Role::Supervisor, false));
        assert!(!may_export(Role::Supervisor, true));
        assert!(!may_export(Role::Analyst, false));
        assert!(!may_export(Role::Police, false));
    }

    #[test]
    fn welfare_cap() {
        let cap = WelfareCap::default();
        assert_eq!(cap.daily_minutes, 120);
        assert!(cap.may_take_assessment(0, false));
        assert!(cap.may_take_assessment(119, false));
        assert!(!cap.may_take_assessment(120, false));
        assert!(cap.may_take_assessment(120, true));
        assert!(!WelfareCap { daily_minutes: 0 }.may_take_assessment(0, false));
    }
}
