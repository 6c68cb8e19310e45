//! The key file and what is done with its keys.
//!
//! Secrets live in `<data-dir>/keys.json` (mode 0600, in a 0700 directory), never in the
//! database and never in logs, so a copy of the database alone reveals neither reporters'
//! contact details nor which receipt belongs to which report.
//!
//! - The receipt key turns a receipt into the keyed hash that is stored.
//! - The form key signs the stateless token of the public report form.
//! - Field keys seal reporter contact details and free text with XChaCha20-Poly1305. Each
//!   ciphertext starts with the id of its key, so keys can be rotated later: new data uses
//!   the current key, old data still opens with the key it names.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::RwLock;
use std::sync::atomic::{AtomicU16, Ordering};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use hotline_domain::Receipt;

const SEALED_VERSION: u8 = 1;
const NONCE_LEN: usize = 24;
const HEADER_LEN: usize = 1 + 2 + NONCE_LEN;

/// Problems with the key file or with sealed data.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("cannot {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the key file {path} is damaged: {why}")]
    Damaged { path: PathBuf, why: String },
    #[error("the system random number generator failed: {0}")]
    Random(String),
    #[error("sealed data names key {0}, which is not in the key file")]
    UnknownKey(u16),
    #[error("sealed data is damaged or was sealed for another record")]
    Unseal,
}

/// The key file's contents, hex-encoded.
#[derive(Serialize, Deserialize)]
struct KeyFile {
    version: u32,
    receipt_key: String,
    form_key: String,
    current_field_key: u16,
    field_keys: BTreeMap<u16, String>,
    /// Ed25519 seed that signs referrals to partner hotlines; added to older key files on
    /// first use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    signing_key: Option<String>,
    /// Keys the stored hashes of session ids and bearer tokens, and the audit chain; added to
    /// older key files on first use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    integrity_key: Option<String>,
    /// Signing keys replaced by `hotline keys rotate-signing`, each kept (and used beside the
    /// current one) until its grace period ends.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    previous_signing_keys: Vec<PreviousSigningKey>,
}

/// A replaced signing key and the end of its grace period (Unix seconds).
#[derive(Serialize, Deserialize, Clone)]
struct PreviousSigningKey {
    key: String,
    until: i64,
}

/// The signing keys: the current one, and the previous ones with the end of their grace.
struct SigningKeys {
    current: ed25519_dalek::SigningKey,
    previous: Vec<(ed25519_dalek::SigningKey, i64)>,
}

fn signing_keys(file: &KeyFile) -> Result<SigningKeys, String> {
    let seed = key_bytes("signing_key", file.signing_key.as_deref().unwrap_or(""))?;
    let mut previous = Vec::new();
    for (i, p) in file.previous_signing_keys.iter().enumerate() {
        let seed = key_bytes(&format!("previous signing key {}", i + 1), &p.key)?;
        previous.push((ed25519_dalek::SigningKey::from_bytes(&seed), p.until));
    }
    Ok(SigningKeys {
        current: ed25519_dalek::SigningKey::from_bytes(&seed),
        previous,
    })
}

/// The keys, loaded. `Debug` never shows them.
pub struct Keyring {
    receipt_key: [u8; 32],
    form_key: [u8; 32],
    /// Field keys change while the service runs (`hotline keys rotate`): see [`Keyring::reload`].
    current_field_key: AtomicU16,
    field_keys: RwLock<BTreeMap<u16, XChaCha20Poly1305>>,
    /// Changes while the service runs (`hotline keys rotate-signing`): see [`Keyring::reload`].
    signing: RwLock<SigningKeys>,
    integrity_key: [u8; 32],
}

impl fmt::Debug for Keyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Keyring")
            .field("current_field_key", &self.current_field_key())
            .finish_non_exhaustive()
    }
}

/// Checks an Ed25519 signature (hex) of `message` by the public key `public_hex`.
pub fn verify_signature(public_hex: &str, message: &[u8], signature_hex: &str) -> bool {
    let (Ok(pk), Ok(sig)) = (
        hex::decode(public_hex.trim()),
        hex::decode(signature_hex.trim()),
    ) else {
        return false;
    };
    let (Ok(pk), Ok(sig)) = (<[u8; 32]>::try_from(pk), <[u8; 64]>::try_from(sig)) else {
        return false;
    };
    let Ok(key) = ed25519_dalek::VerifyingKey::from_bytes(&pk) else {
        return false;
    };
    key.verify_strict(message, &ed25519_dalek::Signature::from_bytes(&sig))
        .is_ok()
}

/// Fills `buf` from the operating system's random source.
pub fn random_bytes(buf: &mut [u8]) -> Result<(), KeyError> {
    getrandom::fill(buf).map_err(|e| KeyError::Random(e.to_string()))
}

/// The data directory and the key file are the operator's to place; if others can read them,
/// say so loudly rather than silently changing what the operator set up.
fn warn_if_open(path: &Path) {
    if let Ok(meta) = fs::metadata(path)
        && meta.permissions().mode() & 0o077 != 0
    {
        tracing::warn!(
            path = %path.display(),
            mode = format!("{:o}", meta.permissions().mode() & 0o777),
            "readable by other users: it holds reporters' sealed data or the keys to it; chmod go-rwx"
        );
    }
}

fn key_bytes(name: &str, hex_text: &str) -> Result<[u8; 32], String> {
    let bytes = hex::decode(hex_text).map_err(|e| format!("{name}: {e}"))?;
    bytes
        .try_into()
        .map_err(|_| format!("{name}: a key is 32 bytes"))
}

fn field_ciphers(file: &KeyFile) -> Result<BTreeMap<u16, XChaCha20Poly1305>, String> {
    let mut field_keys = BTreeMap::new();
    for (id, k) in &file.field_keys {
        let k = key_bytes(&format!("field key {id}"), k)?;
        let cipher = XChaCha20Poly1305::new_from_slice(&k).map_err(|e| e.to_string())?;
        field_keys.insert(*id, cipher);
    }
    if !field_keys.contains_key(&file.current_field_key) {
        return Err(format!(
            "current field key {} is missing",
            file.current_field_key
        ));
    }
    Ok(field_keys)
}

fn read_key_file(path: &Path) -> Result<KeyFile, KeyError> {
    let text = fs::read_to_string(path).map_err(|source| KeyError::Io {
        action: "read",
        path: path.to_owned(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|e| KeyError::Damaged {
        path: path.to_owned(),
        why: e.to_string(),
    })
}

/// Replaces the key file atomically (write, sync, rename), private to its owner.
fn write_key_file(path: &Path, file: &KeyFile) -> Result<(), KeyError> {
    let io = |action, p: &Path| {
        let p = p.to_owned();
        move |source| KeyError::Io {
            action,
            path: p,
            source,
        }
    };
    let text = serde_json::to_string_pretty(file).map_err(|e| KeyError::Damaged {
        path: path.to_owned(),
        why: e.to_string(),
    })?;
    let tmp = path.with_extension("json.new");
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)
        .map_err(io("create", &tmp))?;
    f.write_all(text.as_bytes()).map_err(io("write", &tmp))?;
    f.sync_all().map_err(io("sync", &tmp))?;
    fs::rename(&tmp, path).map_err(io("replace", path))?;
    if let Some(dir) = path.parent() {
        let _ = fs::File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(())
}

fn random_key() -> Result<[u8; 32], KeyError> {
    let mut k = [0u8; 32];
    random_bytes(&mut k)?;
    Ok(k)
}

impl Keyring {
    /// Loads `<data_dir>/keys.json`, creating the directory (0700) and the file (0600) with
    /// fresh random keys if they do not exist yet.
    pub fn load_or_create(data_dir: &Path) -> Result<Keyring, KeyError> {
        let io = |action, path: &Path| {
            let path = path.to_owned();
            move |source| KeyError::Io {
                action,
                path,
                source,
            }
        };
        if !data_dir.exists() {
            fs::create_dir_all(data_dir).map_err(io("create", data_dir))?;
            fs::set_permissions(data_dir, fs::Permissions::from_mode(0o700))
                .map_err(io("restrict", data_dir))?;
        }
        warn_if_open(data_dir);
        let path = data_dir.join("keys.json");
        if !path.exists() {
            let file = KeyFile {
                version: 1,
                receipt_key: hex::encode(random_key()?),
                form_key: hex::encode(random_key()?),
                current_field_key: 1,
                field_keys: BTreeMap::from([(1, hex::encode(random_key()?))]),
                signing_key: Some(hex::encode(random_key()?)),
                integrity_key: Some(hex::encode(random_key()?)),
                previous_signing_keys: Vec::new(),
            };
            let text = serde_json::to_string_pretty(&file).map_err(|e| KeyError::Damaged {
                path: path.clone(),
                why: e.to_string(),
            })?;
            // create_new: two processes starting at once must not overwrite each other's keys.
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&path)
            {
                Ok(mut f) => {
                    f.write_all(text.as_bytes()).map_err(io("write", &path))?;
                    f.sync_all().map_err(io("sync", &path))?;
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(io("create", &path)(e)),
            }
        }
        warn_if_open(&path);
        let text = fs::read_to_string(&path).map_err(io("read", &path))?;
        let mut file: KeyFile = serde_json::from_str(&text).map_err(|e| KeyError::Damaged {
            path: path.clone(),
            why: e.to_string(),
        })?;
        if file.signing_key.is_none() || file.integrity_key.is_none() {
            // A key file from before partner referrals or keyed hashes: add what it lacks,
            // atomically, keeping every other key.
            if file.signing_key.is_none() {
                file.signing_key = Some(hex::encode(random_key()?));
            }
            if file.integrity_key.is_none() {
                file.integrity_key = Some(hex::encode(random_key()?));
            }
            let text = serde_json::to_string_pretty(&file).map_err(|e| KeyError::Damaged {
                path: path.clone(),
                why: e.to_string(),
            })?;
            let tmp = path.with_extension("json.new");
            let mut f = fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .mode(0o600)
                .open(&tmp)
                .map_err(io("create", &tmp))?;
            f.write_all(text.as_bytes()).map_err(io("write", &tmp))?;
            f.sync_all().map_err(io("sync", &tmp))?;
            fs::rename(&tmp, &path).map_err(io("replace", &path))?;
        }
        Self::from_file(file).map_err(|why| KeyError::Damaged { path, why })
    }

    fn from_file(file: KeyFile) -> Result<Keyring, String> {
        let field_keys = field_ciphers(&file)?;
        let signing = signing_keys(&file)?;
        Ok(Keyring {
            receipt_key: key_bytes("receipt_key", &file.receipt_key)?,
            form_key: key_bytes("form_key", &file.form_key)?,
            current_field_key: AtomicU16::new(file.current_field_key),
            field_keys: RwLock::new(field_keys),
            signing: RwLock::new(signing),
            integrity_key: key_bytes("integrity_key", file.integrity_key.as_deref().unwrap_or(""))?,
        })
    }

    /// The id of the field key new data is sealed with.
    pub fn current_field_key(&self) -> u16 {
        self.current_field_key.load(Ordering::Acquire)
    }

    /// Re-reads the field keys and the signing keys of `<data_dir>/keys.json` (after `hotline
    /// keys rotate`, `retire` or `rotate-signing` changed them); the other keys never change.
    /// Returns whether anything changed.
    pub fn reload(&self, data_dir: &Path) -> Result<bool, KeyError> {
        let path = data_dir.join("keys.json");
        let file = read_key_file(&path)?;
        let ciphers = field_ciphers(&file).map_err(|why| KeyError::Damaged {
            path: path.clone(),
            why,
        })?;
        let signing = signing_keys(&file).map_err(|why| KeyError::Damaged {
            path: path.clone(),
            why,
        })?;
        let signing_changed = {
            let mut held = self.signing.write().unwrap_or_else(|e| e.into_inner());
            let changed = held.current.verifying_key() != signing.current.verifying_key()
                || held.previous.len() != signing.previous.len();
            *held = signing;
            changed
        };
        let mut keys = self.field_keys.write().unwrap_or_else(|e| e.into_inner());
        let changed = signing_changed
            || keys.keys().ne(ciphers.keys())
            || self.current_field_key() != file.current_field_key;
        // Add before switching, so a new current key is always present when used.
        *keys = ciphers;
        self.current_field_key
            .store(file.current_field_key, Ordering::Release);
        Ok(changed)
    }

    /// Adds a fresh field key to `<data_dir>/keys.json` and makes it the current one (the
    /// old ones stay, so everything sealed still opens). Returns `(old, new)` key ids.
    pub fn add_field_key(data_dir: &Path) -> Result<(u16, u16), KeyError> {
        let path = data_dir.join("keys.json");
        let mut file = read_key_file(&path)?;
        let old = file.current_field_key;
        let new = file
            .field_keys
            .keys()
            .max()
            .copied()
            .unwrap_or(0)
            .checked_add(1)
            .ok_or_else(|| KeyError::Damaged {
                path: path.clone(),
                why: "no field key id is left".into(),
            })?;
        file.field_keys.insert(new, hex::encode(random_key()?));
        file.current_field_key = new;
        write_key_file(&path, &file)?;
        Ok((old, new))
    }

    /// Removes field key `id` from `<data_dir>/keys.json`. The current key cannot be removed;
    /// the caller checks first that no data is sealed with `id` any more.
    pub fn remove_field_key(data_dir: &Path, id: u16) -> Result<bool, KeyError> {
        let path = data_dir.join("keys.json");
        let mut file = read_key_file(&path)?;
        if id == file.current_field_key {
            return Err(KeyError::Damaged {
                path,
                why: format!("field key {id} is the current key and cannot be removed"),
            });
        }
        let removed = file.field_keys.remove(&id).is_some();
        if removed {
            write_key_file(&path, &file)?;
        }
        Ok(removed)
    }

    /// The ids of the field keys held, oldest first.
    pub fn field_key_ids(&self) -> Vec<u16> {
        let keys = self.field_keys.read().unwrap_or_else(|e| e.into_inner());
        keys.keys().copied().collect()
    }

    /// A keyring with fixed keys, for tests and benchmarks that need no key file.
    pub fn for_tests(seed: u8) -> Keyring {
        let k = [seed; 32];
        Keyring {
            receipt_key: k,
            form_key: k.map(|b| b ^ 0x5a),
            current_field_key: AtomicU16::new(1),
            field_keys: RwLock::new(BTreeMap::from([(1, XChaCha20Poly1305::new(&k.into()))])),
            signing: RwLock::new(SigningKeys {
                current: ed25519_dalek::SigningKey::from_bytes(&k.map(|b| b ^ 0x33)),
                previous: Vec::new(),
            }),
            integrity_key: k.map(|b| b ^ 0x77),
        }
    }

    /// Whether the key file holds field key `id` (sealed data names the key it was sealed with).
    pub fn has_field_key(&self, id: u16) -> bool {
        let keys = self.field_keys.read().unwrap_or_else(|e| e.into_inner());
        keys.contains_key(&id)
    }

    /// This hotline's public signing key, hex: what partners need to check our referrals.
    pub fn signing_public_hex(&self) -> String {
        let keys = self.signing.read().unwrap_or_else(|e| e.into_inner());
        hex::encode(keys.current.verifying_key().to_bytes())
    }

    /// Signs `message` (Ed25519) with the current signing key, hex.
    pub fn sign(&self, message: &[u8]) -> String {
        use ed25519_dalek::Signer;
        let keys = self.signing.read().unwrap_or_else(|e| e.into_inner());
        hex::encode(keys.current.sign(message).to_bytes())
    }

    /// Signs a message to a partner hotline at `now`: with the current key, and with each
    /// previous key whose grace period has not ended, so that a partner which has not yet
    /// registered the new key still recognises the message (see
    /// [`hotline_domain::partner::Signed`]).
    pub fn sign_for_partners(
        &self,
        message: &[u8],
        now: time::OffsetDateTime,
    ) -> hotline_domain::partner::Signed {
        use ed25519_dalek::Signer;
        let keys = self.signing.read().unwrap_or_else(|e| e.into_inner());
        let public = |k: &ed25519_dalek::SigningKey| hex::encode(k.verifying_key().to_bytes());
        hotline_domain::partner::Signed {
            key: public(&keys.current),
            signature: hex::encode(keys.current.sign(message).to_bytes()),
            previous: keys
                .previous
                .iter()
                .filter(|(_, until)| *until > now.unix_timestamp())
                .map(|(k, _)| (public(k), hex::encode(k.sign(message).to_bytes())))
                .collect(),
        }
    }

    /// Replaces the signing key in `<data_dir>/keys.json` with a fresh one; the old one signs
    /// beside it until `grace_until` (Unix seconds), older ones no longer than that, and keys
    /// whose grace ended by `now` are dropped. Running services pick the change up with [`Keyring::reload`]. Returns the
    /// old and the new public key, hex.
    pub fn rotate_signing_key(
        data_dir: &Path,
        grace_until: i64,
        now: i64,
    ) -> Result<(String, String), KeyError> {
        let path = data_dir.join("keys.json");
        let mut file = read_key_file(&path)?;
        let damaged = |why: String| KeyError::Damaged {
            path: path.clone(),
            why,
        };
        let old = signing_keys(&file).map_err(damaged)?;
        let old_public = hex::encode(old.current.verifying_key().to_bytes());
        let seed = random_key()?;
        let new_public = hex::encode(
            ed25519_dalek::SigningKey::from_bytes(&seed)
                .verifying_key()
                .to_bytes(),
        );
        // Older keys sign no longer than the one replaced now: a rotation without grace (a
        // key that may have leaked) stops every old key at once.
        for p in &mut file.previous_signing_keys {
            p.until = p.until.min(grace_until);
        }
        file.previous_signing_keys.retain(|p| p.until > now);
        if let Some(old_seed) = file.signing_key.take()
            && grace_until > now
        {
            file.previous_signing_keys.push(PreviousSigningKey {
                key: old_seed,
                until: grace_until,
            });
        }
        file.signing_key = Some(hex::encode(seed));
        write_key_file(&path, &file)?;
        Ok((old_public, new_public))
    }

    /// The previous signing keys still in their grace at `now`: (public key hex, end of grace).
    pub fn previous_signing_keys(&self, now: time::OffsetDateTime) -> Vec<(String, i64)> {
        let keys = self.signing.read().unwrap_or_else(|e| e.into_inner());
        keys.previous
            .iter()
            .filter(|(_, until)| *until > now.unix_timestamp())
            .map(|(k, until)| (hex::encode(k.verifying_key().to_bytes()), *until))
            .collect()
    }

    /// The keyed hash under which a receipt is stored.
    pub fn receipt_hash(&self, receipt: &Receipt) -> Vec<u8> {
        self.mac(
            &self.receipt_key,
            &[b"receipt:", receipt.compact().as_bytes()],
        )
    }

    /// The keyed hash (HMAC-SHA256 under the integrity key) under which a secret the hotline
    /// hands out is stored: `kind` is `session` for session ids, `token` for API bearer
    /// tokens. Whoever can write the database but lacks `keys.json` cannot make a row that
    /// a chosen session id or token matches.
    pub fn secret_hash(&self, kind: &str, secret: &str) -> Vec<u8> {
        self.mac(
            &self.integrity_key,
            &[b"secret:", kind.as_bytes(), b":", secret.as_bytes()],
        )
    }

    /// The token of the answer link of the notice with this Message-ID (64 hex digits):
    /// HMAC-SHA256 under the integrity key, so it is unguessable without `keys.json`, never
    /// stored (only its [`Keyring::secret_hash`] of kind `host_answer` is), and the same on
    /// every retry of the notice.
    pub fn host_answer_token(&self, message_id: &str) -> String {
        hex::encode(self.mac(
            &self.integrity_key,
            &[b"host-answer-token:v1:", message_id.as_bytes()],
        ))
    }

    /// The key of the audit chain's HMAC, derived from the integrity key.
    pub fn audit_key(&self) -> hotline_domain::audit::AuditKey {
        let mut key = [0u8; 32];
        key.copy_from_slice(&self.mac(&self.integrity_key, &[b"audit-chain:v1"]));
        hotline_domain::audit::AuditKey::new(key)
    }

    /// HMAC-SHA256 with the form key over the concatenation of `parts`.
    pub fn form_mac(&self, parts: &[&[u8]]) -> Vec<u8> {
        self.mac(&self.form_key, parts)
    }

    fn mac(&self, key: &[u8; 32], parts: &[&[u8]]) -> Vec<u8> {
        // HMAC accepts keys of any length, so this cannot fail.
        let mut mac = <Hmac<Sha256> as hmac::KeyInit>::new_from_slice(key)
            .expect("HMAC takes any key length");
        for p in parts {
            mac.update(p);
        }
        mac.finalize().into_bytes().to_vec()
    }

    /// Encrypts `plaintext` with the current field key. `context` (table, column and row id)
    /// is authenticated, so a ciphertext moved to another row or column will not open.
    pub fn seal(&self, context: &str, plaintext: &[u8]) -> Result<Vec<u8>, KeyError> {
        let keys = self.field_keys.read().unwrap_or_else(|e| e.into_inner());
        let id = self.current_field_key();
        let cipher = keys.get(&id).ok_or(KeyError::UnknownKey(id))?;
        let mut nonce = [0u8; NONCE_LEN];
        random_bytes(&mut nonce)?;
        let ct = cipher
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: plaintext,
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| KeyError::Unseal)?;
        let mut out = Vec::with_capacity(HEADER_LEN + ct.len());
        out.push(SEALED_VERSION);
        out.extend_from_slice(&id.to_be_bytes());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&ct);
        Ok(out)
    }

    /// Decrypts what [`Keyring::seal`] produced for the same `context`.
    pub fn open(&self, context: &str, sealed: &[u8]) -> Result<Vec<u8>, KeyError> {
        if sealed.len() < HEADER_LEN || sealed[0] != SEALED_VERSION {
            return Err(KeyError::Unseal);
        }
        let id = u16::from_be_bytes([sealed[1], sealed[2]]);
        let keys = self.field_keys.read().unwrap_or_else(|e| e.into_inner());
        let cipher = keys.get(&id).ok_or(KeyError::UnknownKey(id))?;
        let nonce: [u8; NONCE_LEN] = sealed[3..HEADER_LEN]
            .try_into()
            .map_err(|_| KeyError::Unseal)?;
        cipher
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: &sealed[HEADER_LEN..],
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| KeyError::Unseal)
    }

    /// [`Keyring::open`] for text.
    pub fn open_text(&self, context: &str, sealed: &[u8]) -> Result<String, KeyError> {
        String::from_utf8(self.open(context, sealed)?).map_err(|_| KeyError::Unseal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_and_open() {
        let k = Keyring::for_tests(1);
        let sealed = k.seal("reports.description:1", b"hello").unwrap();
        assert!(!sealed.windows(5).any(|w| w == b"hello"));
        assert_eq!(k.open("reports.description:1", &sealed).unwrap(), b"hello");
        assert!(matches!(
            k.open("reports.description:2", &sealed),
            Err(KeyError::Unseal)
        ));
        assert!(matches!(
            Keyring::for_tests(2).open("reports.description:1", &sealed),
            Err(KeyError::Unseal)
        ));
        let mut bad = sealed.clone();
        bad[1] = 9;
        assert!(matches!(
            k.open("reports.description:1", &bad),
            Err(KeyError::UnknownKey(_))
        ));
        assert!(matches!(k.open("x", b"short"), Err(KeyError::Unseal)));
    }

    #[test]
    fn key_file_is_created_private_and_reloaded() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let a = Keyring::load_or_create(&data).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&data), 0o700);
        assert_eq!(mode(&data.join("keys.json")), 0o600);
        let b = Keyring::load_or_create(&data).unwrap();
        let r = Receipt::from_random([3; 10]);
        assert_eq!(a.receipt_hash(&r), b.receipt_hash(&r));
        let sealed = a.seal("c", b"x").unwrap();
        assert_eq!(b.open("c", &sealed).unwrap(), b"x");
        assert!(!format!("{a:?}").contains(&hex::encode(a.receipt_key)));
    }

    #[test]
    fn signatures_verify_only_with_the_right_key_and_message() {
        let k = Keyring::for_tests(1);
        let sig = k.sign(b"referral body");
        assert!(verify_signature(
            &k.signing_public_hex(),
            b"referral body",
            &sig
        ));
        assert!(!verify_signature(
            &k.signing_public_hex(),
            b"referral bodY",
            &sig
        ));
        assert!(!verify_signature(
            &Keyring::for_tests(2).signing_public_hex(),
            b"referral body",
            &sig
        ));
        assert!(!verify_signature("zz", b"x", &sig));
        assert!(!verify_signature(&k.signing_public_hex(), b"x", "00"));
    }

    #[test]
    fn a_rotated_signing_key_signs_beside_the_old_one_until_its_grace_ends() {
        let dir = tempfile::tempdir().unwrap();
        let keys = Keyring::load_or_create(dir.path()).unwrap();
        let first = keys.signing_public_hex();
        let now = time::OffsetDateTime::now_utc();
        let t = now.unix_timestamp();
        let (old, new) = Keyring::rotate_signing_key(dir.path(), t + 3600, t).unwrap();
        assert_eq!(old, first);
        assert_ne!(new, first);
        assert!(
            keys.reload(dir.path()).unwrap(),
            "a running service sees the new key"
        );
        assert_eq!(keys.signing_public_hex(), new);
        let signed = keys.sign_for_partners(b"body", now);
        assert_eq!(signed.key, new);
        assert!(verify_signature(&new, b"body", &signed.signature));
        assert_eq!(
            signed.previous.len(),
            1,
            "the old key signs during its grace"
        );
        assert_eq!(signed.previous[0].0, first);
        assert!(verify_signature(&first, b"body", &signed.previous[0].1));
        // Past its grace, the old key signs nothing.
        let later = now + time::Duration::hours(2);
        assert!(keys.sign_for_partners(b"body", later).previous.is_empty());
        // A rotation without grace replaces the key at once and stops the older ones too,
        // though their grace had not ended.
        let (_, third) = Keyring::rotate_signing_key(dir.path(), t, t).unwrap();
        keys.reload(dir.path()).unwrap();
        let signed = keys.sign_for_partners(b"body", now);
        assert_eq!(signed.key, third);
        assert!(signed.previous.is_empty(), "{:?}", signed.previous);
        let text = fs::read_to_string(dir.path().join("keys.json")).unwrap();
        assert!(!text.contains("previous_signing_keys"), "{text}");
    }

    #[test]
    fn an_old_key_file_gains_a_signing_key_and_keeps_the_others() {
        let dir = tempfile::tempdir().unwrap();
        let a = Keyring::load_or_create(dir.path()).unwrap();
        let path = dir.path().join("keys.json");
        let mut v: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        v.as_object_mut().unwrap().remove("signing_key");
        fs::write(&path, v.to_string()).unwrap();
        let b = Keyring::load_or_create(dir.path()).unwrap();
        let r = Receipt::from_random([1; 10]);
        assert_eq!(a.receipt_hash(&r), b.receipt_hash(&r));
        assert!(fs::read_to_string(&path).unwrap().contains("signing_key"));
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let c = Keyring::load_or_create(dir.path()).unwrap();
        assert_eq!(
            b.signing_public_hex(),
            c.signing_public_hex(),
            "stable once written"
        );
    }

    #[test]
    fn an_old_key_file_gains_an_integrity_key_that_keys_hashes() {
        let dir = tempfile::tempdir().unwrap();
        Keyring::load_or_create(dir.path()).unwrap();
        let path = dir.path().join("keys.json");
        let mut v: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        v.as_object_mut().unwrap().remove("integrity_key");
        fs::write(&path, v.to_string()).unwrap();
        let b = Keyring::load_or_create(dir.path()).unwrap();
        assert!(fs::read_to_string(&path).unwrap().contains("integrity_key"));
        let c = Keyring::load_or_create(dir.path()).unwrap();
        assert_eq!(
            b.secret_hash("token", "hl_x"),
            c.secret_hash("token", "hl_x")
        );
        // Keyed: not the plain SHA-256 anyone could compute, and apart per kind and key file.
        use sha2::Digest;
        assert_ne!(
            b.secret_hash("token", "hl_x"),
            sha2::Sha256::digest(b"hl_x").to_vec()
        );
        assert_ne!(
            b.secret_hash("token", "hl_x"),
            b.secret_hash("session", "hl_x")
        );
        let other = tempfile::tempdir().unwrap();
        let d = Keyring::load_or_create(other.path()).unwrap();
        assert_ne!(
            b.secret_hash("token", "hl_x"),
            d.secret_hash("token", "hl_x")
        );
    }

    #[test]
    fn damaged_key_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("keys.json"), "{not json").unwrap();
        let err = Keyring::load_or_create(dir.path()).unwrap_err().to_string();
        assert!(
            err.contains("keys.json") && err.contains("damaged"),
            "{err}"
        );
    }
}
