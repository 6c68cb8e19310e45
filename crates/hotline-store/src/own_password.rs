//! A staff member changes their own password (issue 18): the current password first, the
//! same rules for the new one as an admin's `hotline user add`, the change audited, and every
//! other session of that account ended in the same transaction (whoever had signed in
//! elsewhere with the old password is out). A wrong current password counts as a failed
//! sign-in, with the same atomic count and back-off, so a stolen session cannot be used to
//! guess the password at Argon2's speed.

use time::OffsetDateTime;

use hotline_domain::login::{self, AccountError};

use crate::audit::append_audit;
use crate::staff::{LoginError, hash_password, password_matches};
use crate::{StaffUser, Store, StoreError, on_read_pool, on_write_pool, to_millis};

/// Why a password was not changed.
#[derive(Debug, thiserror::Error)]
pub enum PasswordChangeError {
    #[error("the current password is not right")]
    WrongCurrent,
    #[error("too many failed attempts on this account; try again later")]
    Waiting,
    #[error(transparent)]
    Weak(#[from] AccountError),
    #[error("too many sign-ins at once; try again in a few seconds")]
    Busy,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for PasswordChangeError {
    fn from(e: sqlx::Error) -> Self {
        PasswordChangeError::Store(StoreError::Database(e))
    }
}

impl Store {
    /// Sets `user`'s password to `new` if `current` is their password now; ends every session
    /// of theirs but `keep_session` (the one asking). Returns how many sessions ended.
    pub async fn change_own_password(
        &self,
        user: &StaffUser,
        keep_session: &str,
        current: &str,
        new: &str,
        now: OffsetDateTime,
    ) -> std::result::Result<u64, PasswordChangeError> {
        login::check_password(new)?;
        let at = to_millis(now);
        let row: Option<(String, bool, i64)> = on_read_pool!(&self.db, pool => {
            sqlx::query_as("SELECT password_hash, disabled, locked_until FROM users WHERE id = $1")
                .bind(user.id)
                .fetch_optional(pool)
                .await?
        });
        let Some((hash, false, locked_until)) = row else {
            return Err(PasswordChangeError::WrongCurrent);
        };
        let object = format!("user:{}", user.username);
        if locked_until > at {
            self.audit(
                &user.username,
                "user.password_change_failed",
                &object,
                "while locked",
                now,
            )
            .await?;
            return Err(PasswordChangeError::Waiting);
        }
        let matches = password_matches(current.to_owned(), hash.clone())
            .await
            .map_err(|e| match e {
                LoginError::Store(e) => PasswordChangeError::Store(e),
                _ => PasswordChangeError::Busy,
            })?;
        if !matches {
            on_write_pool!(&self.db, pool => {
                let mut tx = pool.begin_write().await?;
                // Counted like a failed sign-in: one atomic increment, the same back-off.
                let failures: i64 = sqlx::query_scalar(
                    "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = $1 RETURNING failed_logins",
                )
                .bind(user.id)
                .fetch_one(&mut *tx)
                .await?;
                let lock = login::lock_secs(u32::try_from(failures).unwrap_or(u32::MAX))
                    .map_or(0, |secs| at + secs * 1000);
                if lock > 0 {
                    sqlx::query("UPDATE users SET locked_until = $1 WHERE id = $2 AND locked_until < $1")
                        .bind(lock)
                        .bind(user.id)
                        .execute(&mut *tx)
                        .await?;
                }
                let details = if lock > 0 { "wrong current password; locked" } else { "wrong current password" };
                append_audit!(tx, self.keys(), at, &user.username, "user.password_change_failed", &object, details);
                tx.commit().await?;
            });
            return Err(PasswordChangeError::WrongCurrent);
        }
        let new_hash = hash_password(new.to_owned()).await?;
        let keep = self.keys().secret_hash("session", keep_session);
        on_write_pool!(&self.db, pool => {
            let mut tx = pool.begin_write().await?;
            // Only over the hash just checked: two changes at once cannot both pass on the
            // old password.
            let changed = sqlx::query(
                "UPDATE users SET password_hash = $1, failed_logins = 0 WHERE id = $2 AND password_hash = $3",
            )
            .bind(&new_hash)
            .bind(user.id)
            .bind(&hash)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed != 1 {
                tx.rollback().await?;
                return Err(PasswordChangeError::WrongCurrent);
            }
            let ended = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2")
                .bind(user.id)
                .bind(&keep)
                .execute(&mut *tx)
                .await?
                .rows_affected();
            append_audit!(tx, self.keys(), at, &user.username, "user.password_changed", &object, &format!("other sessions ended: {ended}"));
            tx.commit().await?;
            Ok(ended)
        })
    }
}
