//! What a case's timeline records (docs/SPEC.md §2): one named kind per entry, stored as its
//! text in `case_events.kind`. Every writer names an [`Event`], so a kind that the pages
//! cannot label, or that statistics do not know, cannot be written by a typo.

use crate::CaseState;

named_enum!(
    /// One entry of a case's timeline.
    Event {
        /// The address arrived in a report (intake).
        Received => "received",
        /// The hosting was traced.
        Traced => "traced",
        /// A trace just before the notice found another host: the notice waits for an analyst.
        HostChanged => "host_changed",
        /// An analyst opened the assessment.
        AssessmentStarted => "assessment_started",
        /// An assessment was recorded.
        Assessed => "assessed",
        /// A supervisor reviewed an assessment.
        Reviewed => "reviewed",
        /// An analyst asked a colleague for a second opinion.
        SecondOpinionRequested => "second_opinion_requested",
        /// The case was given to another analyst.
        Reassigned => "reassigned",
        /// A supervisor was told that removal takes too long.
        Escalated => "escalated",
        /// A referral to a partner hotline was queued.
        ReferralToPartnerQueued => "referral_to_partner_queued",
        /// The partner hotline took the referral.
        ReferredPartner => "referred_partner",
        /// A send to a partner was interrupted: whether it arrived is unknown.
        ReferralUncertain => "referral_uncertain",
        /// The case was handed to the police.
        ReferredPolice => "referred_police",
        /// The case came to us from a partner hotline.
        ReceivedFromPartner => "received_from_partner",
        /// The host answered through its notice's link.
        HostAnswered => "host_answered",
        /// The reporter answered a staff message.
        ReporterAnswered => "reporter_answered",
        /// The partner hotline said what became of our referral.
        PartnerUpdate => "partner_update",
        /// The first notice went to the host.
        NoticeSent => "notice_sent",
        /// A notice was repeated while the content stays up.
        RenoticeSent => "renotice_sent",
        /// A notice went to the next contact up (upstream, registrar).
        EscalationSent => "escalation_sent",
        /// The host acknowledged a notice.
        NoticeAcknowledged => "notice_acknowledged",
        /// The host refused to act.
        NoticeRefused => "notice_refused",
        /// The case waits for the content to go.
        AwaitingRemoval => "awaiting_removal",
        /// Our checks found the content gone.
        Removed => "removed",
        /// The host said it removed the content.
        RemovedByHost => "removed_by_host",
        /// Content found gone is online again.
        Reappeared => "reappeared",
        /// The case was handed on by hand (police or partner, as its route says).
        Referred => "referred",
        /// The case was closed (the reason is on the case).
        Closed => "closed",
        /// The case was closed as spam with its report.
        ClosedAsSpam => "closed_as_spam",
        /// A closed case was opened again.
        Reopened => "reopened",
        /// Retention may not erase the case.
        LegalHold => "legal_hold",
        /// Retention may erase the case again.
        LegalHoldLifted => "legal_hold_lifted",
        /// Staff wrote to the reporter.
        ReporterMessaged => "reporter_messaged",
        /// Police steps (docs/SPEC.md §2), one kind each.
        PoliceAcknowledged => "police_acknowledged",
        PoliceHold => "police_hold",
        PoliceRelease => "police_release",
        Cleared => "cleared",
        OrderRequested => "order_requested",
        OrderServed => "order_served",
        PoliceDeclined => "police_declined",
        PolicePassedAbroad => "police_passed_abroad",
        PolicePreserveEvidence => "police_preserve_evidence",
    }
);

impl Event {
    /// The entry a move from `from` to `to` stamps when nothing more specific is known (a
    /// referral names its receiver: `referred_police`, `referral_to_partner_queued`).
    pub fn of_move(from: CaseState, to: CaseState) -> Event {
        match (from, to) {
            (CaseState::Removed, CaseState::AwaitingRemoval) => Event::Reappeared,
            (_, CaseState::AwaitingRemoval) => Event::AwaitingRemoval,
            (_, CaseState::Removed) => Event::Removed,
            (_, CaseState::Closed) => Event::Closed,
            (_, CaseState::Referred) => Event::Referred,
            (_, CaseState::New) => Event::Reopened,
            (_, CaseState::InAssessment) => Event::AssessmentStarted,
            (_, CaseState::Assessed) => Event::Assessed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Event;
    use crate::CaseState;

    #[test]
    fn a_move_stamps_its_entry_and_content_back_online_is_a_reappearance() {
        assert_eq!(
            Event::of_move(CaseState::Removed, CaseState::AwaitingRemoval),
            Event::Reappeared
        );
        assert_eq!(
            Event::of_move(CaseState::Referred, CaseState::AwaitingRemoval),
            Event::AwaitingRemoval
        );
        assert_eq!(
            Event::of_move(CaseState::Referred, CaseState::Closed),
            Event::Closed
        );
    }

    #[test]
    fn every_kind_reads_back_and_no_two_share_a_name() {
        let mut names: Vec<&str> = Event::ALL.iter().map(|e| e.as_str()).collect();
        for e in Event::ALL {
            assert_eq!(e.as_str().parse::<Event>(), Ok(*e));
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Event::ALL.len());
        assert_eq!("fetched_content".parse::<Event>(), Err(()));
    }
}
