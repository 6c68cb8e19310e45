//! Rules for staff accounts and logging in: names, passwords, and how failed logins lock an
//! account. Checking a password or a one-time code is IO-free too, but needs keys and
//! crypto crates, so it lives in storage; what counts as too many failures lives here.

/// Consecutive failures allowed before an account locks.
pub const FREE_ATTEMPTS: u32 = 5;
/// The longest lock, in seconds.
pub const MAX_LOCK_SECS: i64 = 60 * 60;
/// Shortest and longest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// How long an account stays locked after `failures` consecutive failed logins: nothing for
/// the first [`FREE_ATTEMPTS`], then one minute, doubling with each further failure, up to an
/// hour. Growing delays stop guessing without letting an attacker lock someone out for long.
pub fn lock_secs(failures: u32) -> Option<i64> {
    if failures < FREE_ATTEMPTS {
        return None;
    }
    let doublings = (failures - FREE_ATTEMPTS).min(10);
    Some((60_i64 << doublings).min(MAX_LOCK_SECS))
}

/// Why a user name or password was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccountError {
    #[error("a user name is 1 to 64 characters: lower-case letters, digits, '.', '_' or '-'")]
    BadUsername,
    #[error("a password has at least {MIN_PASSWORD_CHARS} characters")]
    PasswordTooShort,
    #[error("a password has at most {MAX_PASSWORD_BYTES} bytes")]
    PasswordTooLong,
}

impl AccountError {
    /// The stable code of the problem (`bad_username`, `password_too_short`, …).
    pub fn code(&self) -> &'static str {
        match self {
            AccountError::BadUsername => "bad_username",
            AccountError::PasswordTooShort => "password_too_short",
            AccountError::PasswordTooLong => "password_too_long",
        }
    }
}

/// A user name as stored: lower case, from a small alphabet, so that names shown in the audit
/// trail cannot imitate one another or carry markup.
pub fn parse_username(name: &str) -> Result<String, AccountError> {
    let name = name.trim().to_ascii_lowercase();
    let ok = (1..=64).contains(&name.len())
        && name.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        });
    if ok {
        Ok(name)
    } else {
        Err(AccountError::BadUsername)
    }
}

/// Checks a new password's length (what it contains is the user's business).
pub fn check_password(password: &str) -> Result<(), AccountError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        Err(AccountError::PasswordTooShort)
    } else if password.len() > MAX_PASSWORD_BYTES {
        Err(AccountError::PasswordTooLong)
    } else {
        Ok(())
    }
}

/// A new account as an admin typed it on the users page, checked field by field. Every
/// problem comes back with its form field (`name`, `role`, `password`, `password_again`);
/// the same name and password rules as `hotline user add`.
pub fn check_new_account(
    name: &str,
    role: &str,
    password: &str,
    password_again: &str,
) -> Result<(String, crate::staff::Role), Vec<crate::settings::SettingProblem>> {
    use crate::settings::SettingProblem;
    let mut problems = Vec::new();
    let username = parse_username(name)
        .map_err(|e| problems.push(SettingProblem::new("name", e.code(), e.to_string())))
        .ok();
    let role = role
        .parse::<crate::staff::Role>()
        .map_err(|()| {
            problems.push(SettingProblem::new(
                "role",
                "bad_role",
                "a role is analyst, supervisor, admin or police",
            ))
        })
        .ok();
    if let Err(e) = check_password(password) {
        let problem = SettingProblem::new("password", e.code(), e.to_string());
        problems.push(match e {
            AccountError::PasswordTooShort => problem.with("min", MIN_PASSWORD_CHARS),
            AccountError::PasswordTooLong => problem.with("max", MAX_PASSWORD_BYTES),
            AccountError::BadUsername => problem,
        });
    } else if password != password_again {
        problems.push(SettingProblem::new(
            "password_again",
            "passwords_differ",
            "the two passwords differ",
        ));
    }
    match (username, role) {
        (Some(u), Some(r)) if problems.is_empty() => Ok((u, r)),
        _ => Err(problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_account_is_checked_field_by_field() {
        let ok = check_new_account(
            " Pol.1 ",
            "police",
            "correct horse battery",
            "correct horse battery",
        );
        assert_eq!(ok, Ok(("pol.1".to_owned(), crate::staff::Role::Police)));
        let fields = |r: Result<_, Vec<crate::settings::SettingProblem>>| {
            r.unwrap_err().iter().map(|p| p.field).collect::<Vec<_>>()
        };
        assert_eq!(
            fields(check_new_account("a b", "root", "short", "short")),
            ["name", "role", "password"]
        );
        assert_eq!(
            fields(check_new_account(
                "ann",
                "analyst",
                "correct horse battery",
                "correct horse battery!"
            )),
            ["password_again"]
        );
    }

    #[test]
    fn locks_grow_after_five_failures() {
        assert_eq!(lock_secs(0), None);
        assert_eq!(lock_secs(4), None);
        assert_eq!(lock_secs(5), Some(60));
        assert_eq!(lock_secs(6), Some(120));
        assert_eq!(lock_secs(7), Some(240));
        assert_eq!(lock_secs(50), Some(MAX_LOCK_SECS));
    }

    #[test]
    fn usernames_and_passwords() {
        assert_eq!(parse_username(" Ann.Analyst "), Ok("ann.analyst".into()));
        for bad in ["", "a b", "<script>", "é", &"x".repeat(65)] {
            assert_eq!(parse_username(bad), Err(AccountError::BadUsername), "{bad}");
        }
        assert_eq!(check_password("short"), Err(AccountError::PasswordTooShort));
        assert_eq!(check_password("correct horse battery"), Ok(()));
        assert_eq!(
            check_password(&"x".repeat(2000)),
            Err(AccountError::PasswordTooLong)
        );
    }
}
