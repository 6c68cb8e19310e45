//! `hotline`: one binary for the service and its operators (docs/SPEC.md §5; every command
//! and option is in docs/cli.md, checked by `docs_check`).
//!
//! Here: the command line (clap), opening a data directory (`Place`: configuration, key file,
//! database, migrations), and `serve`, which builds the `hotline_web` router and runs the
//! background workers beside it. Beside it: configuration ([`config`]), the workers
//! ([`worker`]), urgent alerts ([`alerts`]) and police notifications ([`police_notify`]),
//! `stats`, `export blocklist`, `import`,
//! `export cases`, `doctor`, and the commands that keep data safe (`backup`, `restore`,
//! `retention run`, `keys`: [`trust`]).

mod alerts;
mod answers;
mod blocklist;
mod config;
#[cfg(test)]
mod docs_check;
mod doctor;
mod export;
mod federation;
mod import;
mod notice;
mod police_notify;
mod stats;
mod trust;
mod worker;

use std::io::{BufRead, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, bail};
use clap::{Args, Parser, Subcommand};
use serde::Serialize;
use tokio::net::TcpListener;

use hotline_app::{LiveSettings, PublicSite};
use hotline_domain::CanonicalAddress;
use hotline_domain::staff::{Role, WelfareCap};
use hotline_store::{Keyring, SessionPolicy, Store};
use hotline_web::AppState;

use crate::config::Config;

/// mimalloc instead of glibc's allocator: requests allocate and free small buffers on both
/// runtime threads, and glibc's arenas spent ~8% of intake's CPU doing it (perf).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(
    name = "hotline",
    version,
    about = "A civil hotline for reports of child sexual abuse material online"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the web service and its background workers.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "HOTLINE_LISTEN", default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        /// Background jobs run beside the web server at once; 0 leaves them to
        /// `hotline worker` processes.
        #[arg(long, env = "HOTLINE_WORKERS", default_value_t = 2)]
        workers: usize,
        #[command(flatten)]
        place: Place,
    },
    /// Run the background workers only (for deployments with several app servers).
    Worker {
        /// How many jobs to run at once.
        #[arg(long, env = "HOTLINE_WORKERS", default_value_t = 4)]
        workers: usize,
        #[command(flatten)]
        place: Place,
    },
    /// Trace where an address or IP is hosted and print it.
    Trace {
        /// A web address, a host name or an IP address.
        target: String,
        /// Print the trace as JSON.
        #[arg(long)]
        json: bool,
        /// Use only the local IP database: no DNS, no RDAP.
        #[arg(long)]
        offline: bool,
        #[command(flatten)]
        place: Place,
    },
    /// Apply database migrations and exit.
    Migrate {
        #[command(flatten)]
        place: Place,
    },
    /// Work with web addresses.
    Url {
        #[command(subcommand)]
        command: UrlCommand,
    },
    /// Staff accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
        #[command(flatten)]
        place: Place,
    },
    /// API bearer tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
        #[command(flatten)]
        place: Place,
    },
    /// Partner hotlines abroad.
    Partner {
        #[command(subcommand)]
        command: PartnerCommand,
        #[command(flatten)]
        place: Place,
    },
    /// Tools for developers and benchmarks.
    Dev {
        #[command(subcommand)]
        command: DevCommand,
        #[command(flatten)]
        place: Place,
    },
    /// The figures of the statistics page: timeline legs (median, p90), volumes.
    Stats {
        /// The first day, YYYY-MM-DD (UTC); default: the beginning.
        #[arg(long)]
        from: Option<String>,
        /// The last day, included, YYYY-MM-DD (UTC); default: now.
        #[arg(long)]
        to: Option<String>,
        /// Print the figures as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        place: Place,
    },
    /// Import reports in bulk from JSON lines (the API's report body) or CSV; resumable.
    /// Exit status 2 when some lines were rejected (they are listed on stdout).
    Import {
        /// The file; `.csv` is read as CSV, anything else as JSON lines.
        file: PathBuf,
        /// Override the format the file name suggests.
        #[arg(long, value_enum)]
        format: Option<import::ImportFormat>,
        #[command(flatten)]
        place: Place,
    },
    /// Export data for other systems.
    Export {
        #[command(subcommand)]
        command: ExportCommand,
        #[command(flatten)]
        place: Place,
    },
    /// Check the installation: configuration, key file, database, migrations, IP database,
    /// SMTP, RDAP, disk. Prints what is wrong and how to fix it; exit status 1 if anything is.
    Doctor {
        #[command(flatten)]
        place: Place,
    },
    /// Write a consistent copy of the SQLite database to FILE while the service runs (the key
    /// file is not included: keep it safe separately).
    Backup {
        file: PathBuf,
        #[command(flatten)]
        place: Place,
    },
    /// Check a backup and make it the data directory's database (stop the service first).
    /// The key file that belongs to the backup must already be in the data directory.
    Restore {
        file: PathBuf,
        /// Replace an existing database.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        place: Place,
    },
    /// Erase personal data past its retention period (`[retention]` in the configuration).
    Retention {
        #[command(subcommand)]
        command: RetentionCommand,
        #[command(flatten)]
        place: Place,
    },
    /// The field-encryption keys.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
        #[command(flatten)]
        place: Place,
    },
    /// The audit trail.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
        #[command(flatten)]
        place: Place,
    },
    /// Notices to hosts.
    Notice {
        #[command(subcommand)]
        command: NoticeCommand,
        #[command(flatten)]
        place: Place,
    },
}

#[derive(Debug, Subcommand)]
enum NoticeCommand {
    /// Print the notice (text and XARF) that went, or would go now, to each recipient of a
    /// case. Sends nothing.
    Show {
        /// The case number (123) or reference (BE-2026-000123).
        case: String,
        /// Print only the XARF reports, one JSON document per line.
        #[arg(long)]
        xarf: bool,
    },
}

#[derive(Debug, Subcommand)]
enum ExportCommand {
    /// Addresses assessed illegal and still online, for ISPs and filters; the rpz format
    /// holds only whole domains staff marked as dedicated to such content.
    Blocklist {
        #[arg(long, value_parser = parse_blocklist_format)]
        format: hotline_domain::blocklist::BlocklistFormat,
        /// Write here instead of standard output.
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// The cases opened in a period, as CSV or JSON on stdout; audited.
    Cases(export::CasesArgs),
}

fn parse_blocklist_format(s: &str) -> Result<hotline_domain::blocklist::BlocklistFormat, String> {
    s.parse()
        .map_err(|()| format!("\"{s}\" is not a blocklist format; use csv, json or rpz"))
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Create an account; reads the password from stdin and prints the authenticator URI once.
    Add {
        name: String,
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// The police unit (police accounts see only what was referred to their unit).
        #[arg(long, default_value = hotline_domain::police::NATIONAL_UNIT)]
        unit: String,
    },
    /// List accounts.
    List,
    /// Disable an account; its sessions end and its tokens stop working.
    Disable { name: String },
    /// Enable a disabled account again.
    Enable { name: String },
    /// Give an account a new second factor (lost phone); prints the new URI once.
    #[command(name = "reset-2fa")]
    Reset2fa { name: String },
}

#[derive(Debug, Subcommand)]
enum TokenCommand {
    /// Create a bearer token, printed once and stored hashed.
    Create {
        /// The staff or police user the token acts as.
        #[arg(
            long,
            conflicts_with_all = ["partner", "blocklist"],
            required_unless_present_any = ["partner", "blocklist"]
        )]
        user: Option<String>,
        /// A partner hotline (comes with the partner registry).
        #[arg(long, conflicts_with = "blocklist")]
        partner: Option<String>,
        /// A token that may only read the blocklist, for the ISP or vendor named here.
        #[arg(long)]
        blocklist: Option<String>,
        /// What the token may do: `cases` (the staff API) or `export` (only the exports).
        #[arg(long, default_value = "cases", value_parser = ["cases", "export"], conflicts_with = "partner")]
        scope: String,
    },
}

#[derive(Debug, Subcommand)]
enum PartnerCommand {
    /// Register (or update) a partner; prints this hotline's public signing key for it.
    Add {
        name: String,
        /// The countries it covers, e.g. NL or NL,LU.
        #[arg(long, value_delimiter = ',', required = true)]
        countries: Vec<String>,
        /// How referrals reach it: api, email or manual.
        #[arg(long, default_value = "manual", value_parser = ["api", "email", "manual"])]
        channel: String,
        /// Its base URL (api) or address (email).
        #[arg(long)]
        endpoint: Option<String>,
        /// Its Ed25519 public key, hex (it checks what the partner sends us).
        #[arg(long)]
        public_key: Option<String>,
        /// For email: its age public key (age1…); referrals are encrypted to it. Without
        /// one, referral e-mails go in plain text.
        #[arg(long)]
        encrypt_to: Option<String>,
        /// The bearer token the partner issued to us.
        #[arg(long)]
        token: Option<String>,
    },
    /// Add the INHOPE member hotlines from a directory file (default: the shipped one) as
    /// `manual` partners, skipping this hotline's country and countries already covered.
    Import {
        /// A TOML directory in the format of `crates/hotline/data/inhope-directory.toml`.
        file: Option<PathBuf>,
    },
    /// List partners.
    List,
    /// Stop routing cases to a partner and refuse its tokens (`partner add` enables it again).
    Disable { name: String },
    /// Print this hotline's public signing key (and the previous ones still in their grace).
    Key,
    /// Register a partner's new public signing key, after it rotated its key.
    SetKey {
        name: String,
        /// Its new Ed25519 public key, hex.
        public_key: String,
    },
}

#[derive(Debug, Subcommand)]
enum DevCommand {
    /// Fill the database with synthetic reports under reserved names (never on a live hotline).
    Seed {
        #[arg(long)]
        cases: usize,
        /// `simple`: one address per report under *.example.test; `workbench`: reports of 1-50
        /// addresses over many domains and hosts, with hosting (the staff bench).
        #[arg(long, default_value = "simple")]
        shape: SeedShapeArg,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum SeedShapeArg {
    Simple,
    Workbench,
}

#[derive(Debug, Subcommand)]
enum RetentionCommand {
    /// Run the purge now (the service also runs it daily).
    Run {
        /// Print what would be erased, erasing nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
enum KeysCommand {
    /// Make a new field key current and re-seal everything with it, while the service runs.
    Rotate {
        /// Remove the old field keys from the key file once nothing uses them.
        #[arg(long)]
        retire: bool,
    },
    /// Remove a field key that no stored value uses any more.
    Retire { id: u16 },
    /// Open every sealed value with the key file: proves the keys still read everything.
    Check,
    /// Replace this hotline's federation signing key; the old key signs beside the new one
    /// for the grace period, so partners can register the new key meanwhile.
    RotateSigning {
        /// Days the old key keeps signing beside the new one (0: replace it at once).
        #[arg(long, default_value_t = 14)]
        grace_days: u32,
    },
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Check the whole hash chain under this hotline's audit key (keys.json); exit 1 naming
    /// the first altered event.
    Verify {
        /// A head printed earlier by `hotline audit head` and kept elsewhere (`SEQ:HASH`): the
        /// stored event at SEQ must still have that hash, so even a rewrite by someone holding
        /// the key is caught.
        #[arg(long, value_name = "SEQ:HASH")]
        head: Option<String>,
    },
    /// Print the chain's head (`SEQ:HASH`), to keep somewhere the server cannot write: a
    /// printout, another machine, a message to the supervisory board.
    Head,
}

fn parse_role(s: &str) -> Result<Role, String> {
    s.parse()
        .map_err(|()| format!("\"{s}\" is not a role; use analyst, supervisor, admin or police"))
}

/// Who the audit trail names for actions taken on the command line.
fn cli_actor() -> String {
    let who = std::env::var("SUDO_USER")
        .or_else(|_| std::env::var("USER"))
        .unwrap_or_else(|_| "unknown".to_owned());
    let who: String = who
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        .take(64)
        .collect();
    format!("cli:{who}")
}

/// The password for a new account: typed without echo on a terminal, else the first line
/// of stdin (for scripts).
fn read_password() -> anyhow::Result<String> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ")?;
        let again = rpassword::prompt_password("Again: ")?;
        if first != again {
            bail!("the two passwords differ");
        }
        return Ok(first);
    }
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .context("cannot read the password from stdin")?;
    Ok(line.trim_end_matches(['\n', '\r']).to_owned())
}

#[derive(Debug, Subcommand)]
enum UrlCommand {
    /// Read one address per line on stdin; write one JSON object per line (docs/SPEC.md §3).
    Canon,
}

/// Where the hotline keeps its data.
#[derive(Debug, Args)]
struct Place {
    /// Directory for the SQLite database, the key file and the configuration file.
    #[arg(
        long,
        env = "HOTLINE_DATA_DIR",
        default_value = "./hotline-data",
        global = true
    )]
    data_dir: PathBuf,
    /// Database: `postgres://…`, or an SQLite file (default `<data-dir>/hotline.db`).
    #[arg(long, env = "HOTLINE_DATABASE_URL", global = true)]
    database: Option<String>,
    /// Configuration file (default `<data-dir>/hotline.toml`, written on first start).
    #[arg(long, env = "HOTLINE_CONFIG", global = true)]
    config: Option<PathBuf>,
}

/// What `serve` and `migrate` share: configuration loaded, keys and database open, migrated.
struct Opened {
    config: Config,
    store: Store,
}

impl Place {
    async fn open(&self) -> anyhow::Result<Opened> {
        self.open_inner(false).await
    }

    /// As `open`, after SQLite's quick integrity check (for the long-running commands).
    async fn open_checked(&self) -> anyhow::Result<Opened> {
        self.open_inner(true).await
    }

    /// The SQLite file the data directory holds, or `None` when the database is PostgreSQL.
    fn sqlite_path(&self) -> Option<PathBuf> {
        match &self.database {
            Some(u) if u.starts_with("postgres://") || u.starts_with("postgresql://") => None,
            Some(u) => Some(PathBuf::from(u.strip_prefix("sqlite://").unwrap_or(u))),
            None => Some(self.data_dir.join("hotline.db")),
        }
    }

    async fn open_inner(&self, check: bool) -> anyhow::Result<Opened> {
        let keys =
            Keyring::load_or_create(&self.data_dir).context("cannot prepare the data directory")?;
        let config_path = match &self.config {
            Some(p) => {
                if !p.exists() {
                    bail!("the configuration file {} does not exist", p.display());
                }
                p.clone()
            }
            None => {
                let p = self.data_dir.join("hotline.toml");
                write_default_config(&p)?;
                p
            }
        };
        let config = Config::load(&config_path)?;
        let url = match &self.database {
            Some(u) => u.clone(),
            None => self
                .data_dir
                .join("hotline.db")
                .to_string_lossy()
                .into_owned(),
        };
        let store = Store::open(&url, Arc::new(keys))
            .await
            .with_context(|| format!("cannot open the database {}", redact(&url)))?;
        if check {
            trust::startup_check(&store, &url).await?;
        }
        store
            .migrate()
            .await
            .context("cannot migrate the database")?;
        store.set_first_trace_delay(std::time::Duration::from_secs(
            config.intake.first_trace_delay_secs,
        ));
        Ok(Opened { config, store })
    }
}

fn write_default_config(path: &Path) -> anyhow::Result<()> {
    if path.exists() {
        return Ok(());
    }
    std::fs::write(path, config::DEFAULT_FILE)
        .with_context(|| format!("cannot write the default configuration {}", path.display()))
}

/// A database URL without its password, for messages.
fn redact(url: &str) -> String {
    // The query may carry credentials too (`?password=`, `?sslpassword=`): cut it whole.
    let (url, query) = match url.split_once('?') {
        Some((base, _)) if url.contains("://") => (base, "?***"),
        _ => (url, ""),
    };
    let base = match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    };
    format!("{base}{query}")
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    // One TLS provider for the whole process (RDAP over HTTPS): ring.
    let _ = rustls::crypto::ring::default_provider().install_default();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve {
            listen,
            workers,
            place,
        } => serve(listen, workers, &place).await,
        Command::Worker { workers, place } => worker_only(workers, &place).await,
        Command::Trace {
            target,
            json,
            offline,
            place,
        } => trace_command(&target, json, offline, &place).await,
        Command::Migrate { place } => {
            let opened = place.open().await?;
            opened.store.close().await;
            println!("migrations applied");
            Ok(())
        }
        Command::Url {
            command: UrlCommand::Canon,
        } => url_canon(std::io::stdin().lock(), std::io::stdout().lock()),
        Command::User { command, place } => user_command(command, &place).await,
        Command::Token { command, place } => token_command(command, &place).await,
        Command::Audit {
            command: AuditCommand::Verify { head },
            place,
        } => audit_verify(&place, head.as_deref()).await,
        Command::Audit {
            command: AuditCommand::Head,
            place,
        } => audit_head(&place).await,
        Command::Partner { command, place } => partner_command(command, &place).await,
        Command::Export {
            command: ExportCommand::Blocklist { format, output },
            place,
        } => blocklist::export(format, output.as_deref(), &place).await,
        Command::Stats {
            from,
            to,
            json,
            place,
        } => stats::run(from.as_deref(), to.as_deref(), json, &place).await,
        Command::Export {
            command: ExportCommand::Cases(args),
            place,
        } => {
            let Opened { store, .. } = place.open().await?;
            let mut out = std::io::stdout().lock();
            let result = export::export_cases(&store, &args, &cli_actor(), &mut out).await;
            store.close().await;
            eprintln!("exported {} cases", result?);
            Ok(())
        }
        Command::Doctor { place } => {
            let report = doctor::run(
                &place.data_dir,
                place.database.as_deref(),
                place.config.as_deref(),
            )
            .await;
            print!("{}", report.render());
            if report.failed() {
                std::process::exit(1);
            }
            Ok(())
        }
        Command::Import {
            file,
            format,
            place,
        } => {
            let Opened { config, store } = place.open().await?;
            let result = import::import_file(&store, &file, format, config.default_language).await;
            store.close().await;
            if result?.rejected > 0 {
                std::process::exit(2);
            }
            Ok(())
        }
        Command::Notice {
            command: NoticeCommand::Show { case, xarf },
            place,
        } => {
            let case_id = notice::case_number(&case)?;
            let Opened { config, store } = place.open().await?;
            let result: anyhow::Result<String> = async {
                let settings = live_settings(&config, &store).await?.get();
                notice::show(
                    &store,
                    &notice_settings(&config),
                    &settings.config.settings.national.country,
                    settings.config.settings.notice_template.as_deref(),
                    case_id,
                    xarf,
                )
                .await
            }
            .await;
            store.close().await;
            print!("{}", result?);
            Ok(())
        }
        Command::Backup { file, place } => trust::backup(&file, &place).await,
        Command::Retention {
            command: RetentionCommand::Run { dry_run },
            place,
        } => trust::retention_run(dry_run, &place).await,
        Command::Keys { command, place } => match command {
            KeysCommand::Rotate { retire } => trust::keys_rotate(retire, &place).await,
            KeysCommand::Retire { id } => trust::keys_retire(id, &place).await,
            KeysCommand::Check => trust::keys_check(&place).await,
            KeysCommand::RotateSigning { grace_days } => {
                trust::keys_rotate_signing(grace_days, &place).await
            }
        },
        Command::Restore { file, force, place } => trust::restore(&file, force, &place).await,
        Command::Dev {
            command: DevCommand::Seed { cases, shape },
            place,
        } => {
            let Opened { store, .. } = place.open().await?;
            let started = std::time::Instant::now();
            let shape = match shape {
                SeedShapeArg::Simple => hotline_store::SeedShape::Simple,
                SeedShapeArg::Workbench => hotline_store::SeedShape::Workbench,
            };
            let result = store
                .seed_shaped(cases, shape, time::OffsetDateTime::now_utc())
                .await;
            store.close().await;
            let opened = result?;
            println!(
                "seeded {opened} synthetic cases in {:.1} s",
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
    }
}

async fn user_command(command: UserCommand, place: &Place) -> anyhow::Result<()> {
    let Opened { store, config } = place.open().await?;
    let actor = cli_actor();
    let result = async {
        // The same actions as the users page, by the operator at the shell.
        let app = hotline_app::App::new(store.clone(), live_settings(&config, &store).await?);
        let by = hotline_app::Actor::Operator(&actor);
        match command {
            UserCommand::Add { name, role, unit } => {
                let password = read_password()?;
                let e =
                    hotline_app::admin::create_user(&app, by, &name, role, &unit, &password).await?;
                println!(
                    "created {} ({role}). Add this to their authenticator app, then keep it nowhere:",
                    e.username
                );
                println!("{}", e.otpauth_uri);
            }
            UserCommand::List => {
                for u in store.users().await? {
                    let state = if u.disabled { "disabled" } else { "active" };
                    println!("{}\t{}\t{state}", u.username, u.role);
                }
            }
            UserCommand::Disable { name } => {
                hotline_app::admin::set_user_disabled(&app, by, &name, true).await?;
                println!("disabled {name}; their sessions ended and their tokens stopped working");
            }
            UserCommand::Enable { name } => {
                hotline_app::admin::set_user_disabled(&app, by, &name, false).await?;
                println!("enabled {name}");
            }
            UserCommand::Reset2fa { name } => {
                let e = hotline_app::admin::reset_user_2fa(&app, by, &name).await?;
                println!("new second factor for {}; the old one no longer works:", e.username);
                println!("{}", e.otpauth_uri);
            }
        }
        anyhow::Ok(())
    }
    .await;
    store.close().await;
    result
}

/// The shipped starting directory of INHOPE member hotlines.
const INHOPE_DIRECTORY: &str = include_str!("../data/inhope-directory.toml");

/// One hotline of a partner directory file.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DirectoryEntry {
    name: String,
    countries: Vec<String>,
    /// The hotline's number in ICCAM, where a published source gives it.
    #[serde(default)]
    iccam_hotline_id: Option<u32>,
}

/// Country codes as given on the command line or in a file, in canonical form.
fn country_codes(given: &[String]) -> anyhow::Result<Vec<String>> {
    given
        .iter()
        .map(|c| {
            hotline_domain::jurisdiction::country_code(c).ok_or_else(|| {
                anyhow::anyhow!("{c:?} is not a two-letter country code such as \"NL\"")
            })
        })
        .collect()
}

/// Reads a directory file and checks every entry, naming the first bad one.
fn parse_directory(text: &str) -> anyhow::Result<Vec<DirectoryEntry>> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Directory {
        partner: Vec<DirectoryEntry>,
    }
    let dir: Directory = figment::Figment::from(
        <figment::providers::Toml as figment::providers::Format>::string(text),
    )
    .extract()
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut entries = dir.partner;
    for (i, e) in entries.iter_mut().enumerate() {
        let which = format!("partner {} ({:?})", i + 1, e.name);
        if e.name.trim().is_empty() || e.name.chars().count() > 200 {
            bail!("{which}: the name must have 1 to 200 characters");
        }
        if e.countries.is_empty() {
            bail!("{which}: countries is empty");
        }
        e.countries = country_codes(&e.countries).with_context(|| which.clone())?;
    }
    Ok(entries)
}

async fn partner_command(command: PartnerCommand, place: &Place) -> anyhow::Result<()> {
    let Opened { store, config } = place.open().await?;
    let result = async {
        match command {
            PartnerCommand::Add {
                name,
                countries,
                channel,
                endpoint,
                public_key,
                encrypt_to,
                token,
            } => {
                // The same checks as the admin page (`parse_partner`), the same action.
                let input = hotline_domain::partner::PartnerInput {
                    name: name.clone(),
                    countries: countries.join(","),
                    channel: channel.clone(),
                    endpoint: endpoint.clone().unwrap_or_default(),
                    public_key: public_key.unwrap_or_default(),
                    encrypt_to: encrypt_to.clone().unwrap_or_default(),
                    token: token.unwrap_or_default(),
                };
                let spec = hotline_domain::partner::parse_partner(&input, false).map_err(|problems| {
                    let lines: Vec<String> = problems
                        .iter()
                        .map(|p| format!("--{}: {}", p.field.replace('_', "-"), p.message))
                        .collect();
                    anyhow::anyhow!("the partner is not registered:\n  {}", lines.join("\n  "))
                })?;
                if channel == "email" {
                    match &endpoint {
                        Some(e) if encrypt_to.is_none() => eprintln!(
                            "note: referrals to {name} will be mailed to {e} in plain text; give --encrypt-to to encrypt them"
                        ),
                        Some(_) => {}
                        None => eprintln!(
                            "note: no --endpoint address: referrals to {name} are sent by hand"
                        ),
                    }
                }
                let app = hotline_app::App::new(store.clone(), live_settings(&config, &store).await?);
                hotline_app::admin::save_partner(&app, hotline_app::Actor::Operator(&cli_actor()), spec)
                    .await?;
                println!("registered {name}. Give them this hotline's public key:");
                println!("{}", store.keys().signing_public_hex());
            }
            PartnerCommand::Import { file } => {
                let text = match &file {
                    Some(f) => std::fs::read_to_string(f)
                        .with_context(|| format!("cannot read {}", f.display()))?,
                    None => INHOPE_DIRECTORY.to_owned(),
                };
                let entries = parse_directory(&text).with_context(|| match &file {
                    Some(f) => format!("{} is not a partner directory", f.display()),
                    None => "the shipped partner directory is invalid".to_owned(),
                })?;
                let app = hotline_app::App::new(store.clone(), live_settings(&config, &store).await?);
                let actor = cli_actor();
                // The country in force (an admin may have changed it on the settings page).
                let own = app.config().settings.national.country.clone();
                let existing = store.partners().await?;
                let (mut added, mut skipped) = (0, 0);
                // Which ICCAM hotline each added partner is, for staff who pass cases on there.
                let mut iccam = Vec::new();
                for e in entries {
                    let taken = e.countries.iter().any(|c| {
                        *c == own || existing.iter().any(|p| p.countries.contains(c))
                    }) || existing.iter().any(|p| p.name == e.name);
                    if taken {
                        skipped += 1;
                        continue;
                    }
                    if let Some(id) = e.iccam_hotline_id {
                        iccam.push(format!("  {}: ICCAM hotline {id}", e.name));
                    }
                    // The same action as `partner add` and the admin page.
                    let spec = hotline_domain::partner::PartnerSpec {
                        name: e.name,
                        countries: e.countries,
                        channel: hotline_domain::partner::PartnerChannel::Manual,
                        endpoint: None,
                        public_key: None,
                        encrypt_to: None,
                        token: None,
                    };
                    hotline_app::admin::save_partner(
                        &app,
                        hotline_app::Actor::Operator(&actor),
                        spec,
                    )
                    .await?;
                    added += 1;
                }
                println!(
                    "added {added} manual partners; skipped {skipped} (this hotline's country, or already covered)"
                );
                for line in iccam {
                    println!("{line}");
                }
            }
            PartnerCommand::List => {
                for p in store.partners().await? {
                    let state = if p.disabled { "disabled" } else { "active" };
                    println!(
                        "{}\t{}\t{}\t{}\t{state}",
                        p.name,
                        p.countries.join(","),
                        p.channel,
                        p.endpoint.unwrap_or_default()
                    );
                }
            }
            PartnerCommand::Disable { name } => {
                let app = hotline_app::App::new(store.clone(), live_settings(&config, &store).await?);
                hotline_app::admin::set_partner_disabled(
                    &app,
                    hotline_app::Actor::Operator(&cli_actor()),
                    &name,
                    true,
                )
                .await?;
                println!("disabled {name}");
            }
            PartnerCommand::Key => {
                println!("{}", store.keys().signing_public_hex());
                for (key, until) in store
                    .keys()
                    .previous_signing_keys(time::OffsetDateTime::now_utc())
                {
                    let until = time::OffsetDateTime::from_unix_timestamp(until)
                        .map(|t| t.date().to_string())
                        .unwrap_or_default();
                    eprintln!("previous key, still signing until {until}: {key}");
                }
            }
            PartnerCommand::SetKey { name, public_key } => {
                let app = hotline_app::App::new(store.clone(), live_settings(&config, &store).await?);
                let by = hotline_app::Actor::Operator(&cli_actor());
                match hotline_app::admin::set_partner_key(&app, by, &name, &public_key).await {
                    Err(hotline_app::AppError::Invalid { message, .. }) => {
                        bail!("the public key {message}")
                    }
                    other => other?,
                }
                println!("{name}'s messages are now checked with {public_key}");
            }
        }
        anyhow::Ok(())
    }
    .await;
    store.close().await;
    result
}

async fn token_command(command: TokenCommand, place: &Place) -> anyhow::Result<()> {
    let TokenCommand::Create {
        user,
        partner,
        blocklist,
        scope,
    } = command;
    use hotline_app::admin::NewToken;
    let new = match (blocklist, partner) {
        (Some(label), _) => NewToken::Blocklist(label),
        (None, Some(partner)) => NewToken::Partner(partner),
        (None, None) if scope == "export" => NewToken::Export(user.unwrap_or_default()),
        (None, None) => NewToken::Cases(user.unwrap_or_default()),
    };
    let Opened { store, config } = place.open().await?;
    let token = async {
        let app = hotline_app::App::new(store.clone(), live_settings(&config, &store).await?);
        let actor = cli_actor();
        let by = hotline_app::Actor::Operator(&actor);
        anyhow::Ok(hotline_app::admin::create_token(&app, by, &new).await?)
    }
    .await;
    store.close().await;
    println!("{}", token?);
    match new {
        NewToken::Blocklist(label) => eprintln!(
            "Give this token to {label}: it reads GET /api/v1/blocklist and nothing else. It is shown once and stored only as a hash."
        ),
        NewToken::Partner(partner) => {
            eprintln!("Give this token to {partner}; it is shown once and stored only as a hash.")
        }
        NewToken::Cases(_) | NewToken::Export(_) => eprintln!(
            "This token is shown once and stored only as a hash. Use it as: Authorization: Bearer <token>"
        ),
    }
    Ok(())
}

async fn audit_verify(place: &Place, kept_head: Option<&str>) -> anyhow::Result<()> {
    let kept = kept_head
        .map(|h| {
            let (seq, hash) = h
                .trim()
                .split_once(':')
                .context("--head is SEQ:HASH, as `hotline audit head` prints it")?;
            let seq: i64 = seq.parse().context("--head: SEQ is a whole number")?;
            anyhow::Ok((seq, hash.to_ascii_lowercase()))
        })
        .transpose()?;
    let Opened { store, .. } = place.open().await?;
    let result = store.verify_audit().await;
    let at_kept = match &kept {
        Some((seq, _)) => store.audit_hash_at(*seq).await.map(Some),
        None => Ok(None),
    };
    store.close().await;
    match result? {
        Ok(n) => {
            if let Some((seq, hash)) = &kept {
                match at_kept? {
                    Some(Some(stored)) if stored == *hash => {}
                    Some(Some(_)) => {
                        println!(
                            "audit trail BROKEN: event {seq} no longer has the hash kept with --head: the chain was rewritten"
                        );
                        std::process::exit(1);
                    }
                    _ => {
                        println!(
                            "audit trail BROKEN: event {seq}, kept with --head, is not in the chain (purged by retention, or removed)"
                        );
                        std::process::exit(1);
                    }
                }
            }
            println!("audit trail intact: {n} events");
            Ok(())
        }
        Err(broken) => {
            println!("audit trail BROKEN: {broken}");
            println!(
                "(a keyed event that does not verify may also mean keys.json is not this hotline's)"
            );
            std::process::exit(1);
        }
    }
}

async fn audit_head(place: &Place) -> anyhow::Result<()> {
    let Opened { store, .. } = place.open().await?;
    let head = store.audit_head().await;
    store.close().await;
    let (seq, hash) = head?;
    println!("{seq}:{hash}");
    eprintln!(
        "Keep this line where the server cannot write; later, `hotline audit verify --head {seq}:{hash}` shows whether the chain up to here is unchanged."
    );
    Ok(())
}

/// The tracer the configuration asks for: offline, only the IP database.
async fn tracer(config: &Config, offline: bool) -> anyhow::Result<hotline_network::trace::Tracer> {
    use hotline_network::{dns::Dns, ipdb::IpDb, rdap::RdapClient, rdap::RdapConfig};
    let ipdb = if config.network.ip_database.is_empty() {
        IpDb::embedded().context("cannot load the embedded IP database")?
    } else {
        IpDb::open(std::path::Path::new(&config.network.ip_database)).with_context(|| {
            format!("cannot load the IP database {}", config.network.ip_database)
        })?
    };
    let offline = offline || config.network.offline;
    let (dns, rdap) = if offline {
        (None, None)
    } else {
        let dns = Dns::new(&config.network, std::time::Duration::from_secs(3)).context("DNS")?;
        // Without the bootstrap, RDAP steps fail and say so in each trace; the service runs.
        let rdap = match RdapClient::from_policy(config.network.clone(), RdapConfig::default())
            .await
        {
            Ok(r) => r,
            Err(e) => {
                tracing::warn!(error = %e, "cannot load the RDAP bootstrap; traces will lack RDAP contacts");
                RdapClient::new(
                    config.network.clone(),
                    hotline_network::rdap::Bootstrap::default(),
                )
                .context("cannot build the RDAP client")?
            }
        };
        (Some(dns), Some(rdap))
    };
    Ok(hotline_network::trace::Tracer {
        dns,
        ipdb: std::sync::Arc::new(ipdb),
        rdap,
    })
}

/// The background workers the configuration asks for.
async fn workers(
    config: &Config,
    store: &Store,
    settings: std::sync::Arc<LiveSettings>,
) -> anyhow::Result<std::sync::Arc<worker::Workers>> {
    Ok(std::sync::Arc::new(worker::Workers {
        store: store.clone(),
        tracer: std::sync::Arc::new(tracer(config, false).await?),
        settings,
        mailer: hotline_network::mailer::Mailer::new(
            &config.network,
            &config.notices.smtp_url,
            &config.notices.from,
        )
        .context("the [notices] settings")?,
        notice: notice_settings(config),
        policy: config.network.clone(),
        checker: if config.network.offline {
            None
        } else {
            let dns =
                hotline_network::dns::Dns::new(&config.network, std::time::Duration::from_secs(3))
                    .context("DNS")?;
            Some(
                hotline_network::check::Checker::new(
                    config.network.clone(),
                    std::sync::Arc::new(dns),
                    hotline_network::check::CheckLimits::default(),
                )
                .context("the HTTP client for checks")?,
            )
        },
        monitoring: config.monitoring.clone(),
        alerts: alerts::AlertSettings {
            on_call: config.alerts.on_call.clone(),
            webhook: config.alerts.webhook.clone(),
            staff_url: config.alerts.staff_url.clone(),
        },
        police_notify: config.police.notify_by_unit(),
    }))
}

/// What every notice states about the hotline, from the configuration file.
fn notice_settings(config: &Config) -> worker::NoticeSettings {
    worker::NoticeSettings {
        hotline_name: config.public.hotline_name.clone(),
        from: config.notices.from.clone(),
        default_statute: config.public.law_reference.clone(),
        language: config.default_language,
        site_url: config.public.site_url.clone(),
    }
}

/// The application's configuration from the configuration file, before any admin override.
fn app_config(config: &Config, notice_template: Option<String>) -> hotline_app::Config {
    hotline_app::Config {
        settings: hotline_domain::settings::Settings {
            procedure: config.procedure,
            national: hotline_domain::settings::National {
                country: config.national.country.clone(),
                takedown_by: config.national.takedown_by,
                objection_hours: config.national.objection_hours,
            },
            retention: config.retention,
            notice_template,
        },
        default_language: config.default_language,
        rate_limit_per_minute: config.intake.rate_limit_per_minute,
        global_rate_limit_per_minute: config.intake.global_rate_limit_per_minute,
        trusted_proxies: config.intake.trusted_proxies.clone(),
        sessions: SessionPolicy {
            idle_secs: i64::from(config.staff.idle_minutes) * 60,
            absolute_secs: i64::from(config.staff.session_hours) * 3600,
        },
        welfare: WelfareCap {
            daily_minutes: config.staff.welfare_daily_minutes,
        },
        public: PublicSite {
            hotline_name: config.public.hotline_name.clone(),
            emergency_number: config.public.emergency_number.clone(),
            law_reference: config.public.law_reference.clone(),
            help: config.public.help.clone(),
        },
        blocklist_zone: config.blocklist.rpz_zone.clone(),
        police_units: config.police.unit_rules(),
    }
}

/// The effective settings: the file's, with the admin's stored overrides (read now, then
/// re-read by [`LiveSettings::spawn_reload`]).
async fn live_settings(
    config: &Config,
    store: &Store,
) -> anyhow::Result<std::sync::Arc<LiveSettings>> {
    let template = match config.notices.template_file.as_str() {
        "" => None,
        path => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the notice template {path}"))?;
            // Checked now, as the admin page checks it: a template that would send notices
            // without what DSA Art. 16(2) requires stops the start, naming what is missing.
            let sample = hotline_domain::notice::sample_facts(
                &config.public.hotline_name,
                &config.public.law_reference,
                false,
            );
            if let Err(e) = hotline_domain::notice::render_template(&text, &sample) {
                bail!("the notice template {path} (notices.template_file) cannot be used: {e}");
            }
            Some(text)
        }
    };
    let settings = std::sync::Arc::new(LiveSettings::new(app_config(config, template)));
    settings
        .refresh(store)
        .await
        .context("cannot read the stored settings")?;
    Ok(settings)
}

async fn worker_only(n: usize, place: &Place) -> anyhow::Result<()> {
    let Opened { config, store } = place.open().await?;
    let settings = live_settings(&config, &store).await?;
    let workers = workers(&config, &store, settings.clone()).await?;
    trust::spawn_key_reload(&store, &place.data_dir);
    settings.spawn_reload(&store);
    let shutdown = shutdown_signal();
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    tracing::info!(workers = n, "workers running");
    let run = tokio::spawn(workers.run(n.max(1), "worker", stop_rx));
    shutdown.await;
    let _ = stop_tx.send(true);
    let _ = run.await;
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn trace_command(
    target: &str,
    json: bool,
    offline: bool,
    place: &Place,
) -> anyhow::Result<()> {
    let Opened { config, store } = place.open().await?;
    store.close().await;
    let (host, domain) = match target
        .trim()
        .trim_matches(['[', ']'])
        .parse::<std::net::IpAddr>()
    {
        Ok(ip) => (ip.to_string(), None),
        Err(_) => {
            let a =
                CanonicalAddress::parse(target).map_err(|e| anyhow::anyhow!("{target}: {e}"))?;
            (a.host, a.registrable_domain)
        }
    };
    let tracer = tracer(&config, offline).await?;
    let now_ms = (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64;
    let t = tracer.trace(&host, domain.as_deref(), now_ms).await;
    if json {
        println!("{}", serde_json::to_string_pretty(&t)?);
        return Ok(());
    }
    println!("host      {}", t.host);
    if let Some(d) = &t.registrable_domain {
        println!("domain    {d}");
    }
    if let Some(why) = &t.untraceable {
        println!("untraceable: {why}");
    }
    if !t.cname_chain.is_empty() {
        println!("aliases   {}", t.cname_chain.join(" -> "));
    }
    for a in &t.addresses {
        let asn = a
            .asn
            .map(|n| format!("AS{n}"))
            .unwrap_or_else(|| "AS?".into());
        println!(
            "address   {}  {asn} {}  {}{}",
            a.ip,
            a.as_org.as_deref().unwrap_or(""),
            a.country.as_deref().unwrap_or("??"),
            a.cdn
                .as_deref()
                .map(|c| format!("  (CDN: {c})"))
                .unwrap_or_default()
        );
        if let Some(abuse) = &a.abuse {
            // Where it came from: the network's record, an enclosing network's, the AS's.
            let source = abuse
                .source
                .map(|s| {
                    let record = abuse.source_record.as_deref().unwrap_or("?");
                    format!("  (from RDAP {s} {record})")
                })
                .unwrap_or_default();
            println!(
                "  abuse   {}{source}",
                abuse.email.as_deref().unwrap_or("(no email)")
            );
        }
    }
    if let Some(r) = &t.registrar {
        println!(
            "registrar {} abuse {}",
            r.name.as_deref().unwrap_or("?"),
            r.abuse
                .as_ref()
                .and_then(|a| a.email.as_deref())
                .unwrap_or("?")
        );
    }
    for e in &t.errors {
        println!("error     {} {}: {}", e.step, e.subject, e.error);
    }
    Ok(())
}

async fn serve(listen: SocketAddr, background_workers: usize, place: &Place) -> anyhow::Result<()> {
    let Opened { config, store } = place.open_checked().await?;
    if config.network.offline {
        tracing::info!(
            "network.offline is set: no lookup, check or delivery will leave this process"
        );
    }
    let settings = live_settings(&config, &store).await?;
    let state =
        AppState::with_settings(store.clone(), settings.clone()).with_http(config.http.clone());
    let app = hotline_web::router(state.clone());
    // Everything is loaded (the IP database takes a moment) before the port opens, so a
    // signal that arrives once we listen is always handled gracefully.
    let workers = workers(&config, &store, settings.clone()).await?;
    trust::spawn_key_reload(&store, &place.data_dir);
    settings.spawn_reload(&store);
    let shutdown = shutdown_signal();
    let listener = TcpListener::bind(listen)
        .await
        .with_context(|| format!("cannot listen on {listen}"))?;
    let local = listener.local_addr()?;
    tracing::info!(procedure = %settings.get().config.procedure(), engine = ?store.engine(), "listening on http://{local}");
    // The web server and, beside it, the background workers (more with `hotline worker`).
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let background = tokio::spawn(workers.run(background_workers, "serve", stop_rx));
    // One shutdown for both listeners.
    let (closing_tx, closing_rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        shutdown.await;
        let _ = closing_tx.send(true);
    });
    let closing = |mut rx: tokio::sync::watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|closing| *closing).await;
    };
    let onion = match config.http.onion_listen.trim() {
        "" => None,
        addr => {
            let onion_listener = TcpListener::bind(addr)
                .await
                .with_context(|| format!("cannot listen on http.onion_listen = {addr}"))?;
            tracing::info!("onion listener on http://{}", onion_listener.local_addr()?);
            let onion_app = hotline_web::onion::router(state.clone());
            let http = config.http.clone();
            let rx = closing_rx.clone();
            Some(tokio::spawn(async move {
                hotline_web::connections::serve(onion_listener, onion_app, &http, closing(rx)).await
            }))
        }
    };
    hotline_web::connections::serve(listener, app, &config.http, closing(closing_rx))
        .await
        .context("the server stopped with an error")?;
    if let Some(onion) = onion {
        onion
            .await
            .context("the onion listener panicked")?
            .context("the onion listener stopped with an error")?;
    }
    let _ = stop_tx.send(true);
    let _ = background.await;
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on SIGTERM or Ctrl-C; requests in flight are finished first. The handlers are
/// registered when this is called, not when the future is first polled, so a signal that
/// arrives right after start-up is not lost to the default action.
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    let term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate());
    let interrupt = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt());
    async move {
        let wait = |s: std::io::Result<tokio::signal::unix::Signal>| async move {
            match s {
                Ok(mut s) => {
                    s.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            () = wait(term) => {},
            () = wait(interrupt) => {},
        }
        tracing::info!("shutting down: finishing requests in flight");
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum CanonLine<'a> {
    Ok {
        input: &'a str,
        #[serde(flatten)]
        address: CanonicalAddress,
    },
    Err {
        input: &'a str,
        error: String,
    },
}

/// `hotline url canon`: never stops on a bad line; one output line per input line.
fn url_canon(input: impl BufRead, mut out: impl Write) -> anyhow::Result<()> {
    let mut input = input;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        if input
            .read_until(b'\n', &mut buf)
            .context("cannot read stdin")?
            == 0
        {
            break;
        }
        let line = String::from_utf8_lossy(&buf);
        let line = line.trim_end_matches(['\n', '\r']);
        let record = if std::str::from_utf8(&buf).is_err() {
            CanonLine::Err {
                input: line,
                error: "the line is not valid UTF-8".to_owned(),
            }
        } else {
            match CanonicalAddress::parse(line) {
                Ok(address) => CanonLine::Ok {
                    input: line,
                    address,
                },
                Err(e) => CanonLine::Err {
                    input: line,
                    error: e.to_string(),
                },
            }
        };
        serde_json::to_writer(&mut out, &record)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    #[test]
    fn canon_writes_a_line_per_line() {
        let input = b"Example.COM/a\njavascript:alert(1)\n\xff\xfe\n\nhttp://user@192.0.2.1:80/x#y";
        let mut out = Vec::new();
        url_canon(&input[..], &mut out).unwrap();
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 5);
        assert_eq!(lines[0]["canonical"], "http://example.com/a");
        assert_eq!(lines[0]["registrable_domain"], "example.com");
        assert_eq!(lines[0]["had_userinfo"], false);
        assert!(lines[1]["error"].as_str().unwrap().contains("javascript"));
        assert!(lines[2]["error"].as_str().unwrap().contains("UTF-8"));
        assert_eq!(lines[3]["error"], "the address is empty");
        assert_eq!(lines[4]["canonical"], "http://192.0.2.1/x");
        assert_eq!(lines[4]["ip_literal"], true);
        assert_eq!(lines[4]["had_userinfo"], true);
        assert_eq!(lines[4]["registrable_domain"], serde_json::Value::Null);
    }

    #[test]
    fn redacts_database_passwords() {
        assert_eq!(
            redact("postgres://u:secret@db.test/h"),
            "postgres://u:***@db.test/h"
        );
        assert_eq!(redact("/var/lib/hotline.db"), "/var/lib/hotline.db");
        assert_eq!(
            redact("postgres://u@db.test/h?password=secret&sslmode=require"),
            "postgres://u@db.test/h?***"
        );
    }
}
