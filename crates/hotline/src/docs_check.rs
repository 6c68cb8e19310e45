//! The reference documents against the code: every configuration key, command, command-line
//! option and route that exists must be in its document (`docs/configuration.md`,
//! `docs/cli.md`, `docs/http.md`), and every one a document names must exist. The code side
//! comes from the code itself: the serialized default configuration, clap's command tree, and
//! the router as written in `hotline-web`'s source (axum cannot list its routes).
//! It also checks that the links of README.md, ARCHITECTURE.md and docs/ lead somewhere, and
//! that every citation of the contract in the code (`docs/SPEC.md §N`) names a real section.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use clap::CommandFactory;

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn document(name: &str) -> String {
    let path = repository().join("docs").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The first cell of every table row of a Markdown document, with `\|` read as `|`.
fn first_cells(markdown: &str) -> Vec<String> {
    markdown
        .lines()
        .filter_map(|l| l.trim().strip_prefix('|'))
        .filter_map(|row| {
            let mut cell = String::new();
            let mut chars = row.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '\\' if chars.peek() == Some(&'|') => cell.push(chars.next()?),
                    '|' => return Some(cell.trim().to_owned()),
                    c => cell.push(c),
                }
            }
            None
        })
        .collect()
}

/// The `code spans` of a piece of Markdown.
fn code_spans(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// Says what is only in the code and what is only in the document, or nothing.
fn difference(what: &str, doc: &str, code: &BTreeSet<String>, documented: &BTreeSet<String>) {
    let undocumented: Vec<_> = code.difference(documented).collect();
    let stale: Vec<_> = documented.difference(code).collect();
    assert!(
        undocumented.is_empty() && stale.is_empty(),
        "{what} in the code but not in {doc}: {undocumented:?}\n\
         {what} in {doc} but not in the code: {stale:?}"
    );
}

/// `section.key` (or `key` at the top level) for every key of the configuration.
fn config_keys_in_code() -> BTreeSet<String> {
    let defaults = serde_json::to_value(crate::config::Config::default()).unwrap();
    let mut keys = BTreeSet::new();
    for (name, value) in defaults.as_object().unwrap() {
        match value.as_object() {
            Some(section) => keys.extend(section.keys().map(|k| format!("{name}.{k}"))),
            None => {
                keys.insert(name.clone());
            }
        }
    }
    keys
}

fn config_keys_in(doc: &str) -> BTreeSet<String> {
    first_cells(doc)
        .iter()
        .flat_map(|cell| {
            code_spans(cell)
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|span| {
            !span.is_empty()
                && span
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.')
        })
        .collect()
}

#[test]
fn every_configuration_key_is_documented_and_every_documented_key_exists() {
    difference(
        "configuration keys",
        "docs/configuration.md",
        &config_keys_in_code(),
        &config_keys_in(&document("configuration.md")),
    );
}

/// Every command that does something (`hotline user add`), with its own long options; and the
/// options every command shares (`global`), with their environment variables.
struct CommandLine {
    commands: BTreeMap<String, BTreeSet<String>>,
    global: BTreeSet<String>,
    env: BTreeSet<String>,
}

fn command_line_in_code() -> CommandLine {
    fn walk(cmd: &clap::Command, path: &str, out: &mut CommandLine) {
        for arg in cmd.get_arguments() {
            if let Some(env) = arg.get_env() {
                out.env.insert(env.to_string_lossy().into_owned());
            }
        }
        let subcommands: Vec<_> = cmd.get_subcommands().collect();
        if subcommands.is_empty() {
            let options = cmd
                .get_arguments()
                .filter(|a| !a.is_global_set())
                .filter_map(|a| a.get_long())
                .filter(|l| !matches!(*l, "help" | "version"))
                .map(|l| format!("--{l}"))
                .collect();
            out.commands.insert(path.to_owned(), options);
        }
        for arg in cmd.get_arguments().filter(|a| a.is_global_set()) {
            if let Some(long) = arg.get_long() {
                out.global.insert(format!("--{long}"));
            }
        }
        for sub in subcommands {
            walk(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }
    let mut out = CommandLine {
        commands: BTreeMap::new(),
        global: BTreeSet::new(),
        env: BTreeSet::new(),
    };
    walk(&crate::Cli::command(), "hotline", &mut out);
    out
}

/// The words of a usage line up to the first argument: `hotline user add NAME` → `hotline user
/// add`.
fn command_of(usage: &str) -> String {
    usage
        .split_whitespace()
        .take_while(|w| {
            w.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !w.starts_with('-')
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn long_options(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| w.starts_with("--") && w.len() > 2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_command_and_option_is_documented_and_every_documented_one_exists() {
    let code = command_line_in_code();
    let doc = document("cli.md");
    let mut documented: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for cell in first_cells(&doc) {
        for span in code_spans(&cell)
            .into_iter()
            .filter(|s| s.starts_with("hotline "))
        {
            documented
                .entry(command_of(span))
                .or_default()
                .extend(long_options(span));
        }
    }
    let names = |m: &BTreeMap<String, BTreeSet<String>>| -> BTreeSet<String> {
        m.keys().cloned().collect()
    };
    difference(
        "commands",
        "docs/cli.md",
        &names(&code.commands),
        &names(&documented),
    );
    for (command, options) in &code.commands {
        let in_doc: BTreeSet<String> = documented[command]
            .iter()
            .filter(|o| !code.global.contains(*o))
            .cloned()
            .collect();
        difference(
            &format!("options of `{command}`"),
            "its row of docs/cli.md",
            options,
            &in_doc,
        );
    }
    // The shared options and every environment variable of the command line are named
    // somewhere in the document.
    for name in code.global.iter().chain(&code.env) {
        assert!(
            doc.contains(&format!("`{name}")),
            "{name} is in the code but not in docs/cli.md"
        );
    }
}

/// `METHOD path` for every route of `hotline_web::router`, read from the crate's source: the
/// chain of `.route`, `.merge` and `.nest` calls, following calls to other router functions
/// and local variables. Anything else that adds routes stops the test, so that it is taught
/// rather than fooled.
fn routes_in_code() -> BTreeSet<String> {
    let src = repository().join("crates/hotline-web/src");
    let mut functions = BTreeMap::new();
    collect_functions(&src, "", &mut functions);
    let router = functions
        .get("router")
        .expect("hotline-web has fn router in lib.rs");
    eval_function(router, "", &functions)
        .into_iter()
        .map(|(method, path)| format!("{method} {path}"))
        .collect()
}

/// Every free function of the crate by its module path (`staff::api`).
fn collect_functions(dir: &Path, module: &str, out: &mut BTreeMap<String, syn::ItemFn>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let child = |name: &str| {
            if module.is_empty() {
                name.to_owned()
            } else {
                format!("{module}::{name}")
            }
        };
        if path.is_dir() {
            collect_functions(&path, &child(&stem), out);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let file = syn::parse_file(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let this = match stem.as_str() {
            "lib" | "mod" => module.to_owned(),
            s => child(s),
        };
        for item in file.items {
            if let syn::Item::Fn(f) = item {
                let name = f.sig.ident.to_string();
                let key = if this.is_empty() {
                    name
                } else {
                    format!("{this}::{name}")
                };
                out.insert(key, f);
            }
        }
    }
}

type Routes = Vec<(String, String)>;

fn eval_function(f: &syn::ItemFn, module: &str, fns: &BTreeMap<String, syn::ItemFn>) -> Routes {
    let mut locals = BTreeMap::new();
    for stmt in &f.block.stmts {
        match stmt {
            syn::Stmt::Local(local) => {
                if let (syn::Pat::Ident(name), Some(init)) = (&local.pat, &local.init) {
                    locals.insert(name.ident.to_string(), (*init.expr).clone());
                }
            }
            syn::Stmt::Expr(expr, None) => return eval_router(expr, module, &locals, fns),
            _ => {}
        }
    }
    panic!("fn {} does not end in a router", f.sig.ident)
}

fn eval_router(
    expr: &syn::Expr,
    module: &str,
    locals: &BTreeMap<String, syn::Expr>,
    fns: &BTreeMap<String, syn::ItemFn>,
) -> Routes {
    let unknown = || -> ! {
        panic!(
            "docs_check cannot read this router expression; teach routes_in_code: {}",
            quote_of(expr)
        )
    };
    match expr {
        syn::Expr::MethodCall(call) => {
            let mut routes = eval_router(&call.receiver, module, locals, fns);
            let args: Vec<_> = call.args.iter().collect();
            match call.method.to_string().as_str() {
                "route" => {
                    let path = string_literal(args[0]).unwrap_or_else(|| unknown());
                    for method in methods(args[1]) {
                        routes.push((method, path.clone()));
                    }
                }
                "merge" => routes.extend(eval_router(args[0], module, locals, fns)),
                "nest" => {
                    let prefix = string_literal(args[0]).unwrap_or_else(|| unknown());
                    for (method, path) in eval_router(args[1], module, locals, fns) {
                        routes.push((method, format!("{prefix}{path}")));
                    }
                }
                "route_service" | "nest_service" | "merge_service" => unknown(),
                // Layers, fallbacks, state: no routes of their own.
                _ => {}
            }
            routes
        }
        syn::Expr::Call(call) => {
            let syn::Expr::Path(func) = &*call.func else {
                unknown()
            };
            let segments: Vec<String> = func
                .path
                .segments
                .iter()
                .map(|s| s.ident.to_string())
                .collect();
            if segments == ["Router", "new"] {
                return Vec::new();
            }
            let name = segments.join("::");
            let key = if module.is_empty() {
                name
            } else {
                format!("{module}::{name}")
            };
            let f = fns.get(&key).unwrap_or_else(|| unknown());
            let callee_module = key.rsplit_once("::").map_or("", |(m, _)| m);
            eval_function(f, callee_module, fns)
        }
        syn::Expr::Path(p) => {
            let name = p.path.get_ident().unwrap_or_else(|| unknown()).to_string();
            let init = locals.get(&name).unwrap_or_else(|| unknown());
            eval_router(init, module, locals, fns)
        }
        syn::Expr::Paren(p) => eval_router(&p.expr, module, locals, fns),
        _ => unknown(),
    }
}

const METHODS: [&str; 7] = ["get", "post", "put", "delete", "patch", "head", "options"];

/// The HTTP methods of a method router: `get(a).post(b)`, `post(a).layer(…)`.
fn methods(expr: &syn::Expr) -> Vec<String> {
    match expr {
        syn::Expr::MethodCall(call) => {
            let mut found = methods(&call.receiver);
            let name = call.method.to_string();
            if METHODS.contains(&name.as_str()) {
                found.push(name.to_uppercase());
            }
            found
        }
        syn::Expr::Call(call) => match &*call.func {
            syn::Expr::Path(p)
                if p.path
                    .segments
                    .last()
                    .is_some_and(|s| METHODS.contains(&s.ident.to_string().as_str())) =>
            {
                let name = p.path.segments.last().unwrap().ident.to_string();
                vec![name.to_uppercase()]
            }
            _ => panic!(
                "docs_check cannot read this method router: {}",
                quote_of(expr)
            ),
        },
        _ => panic!(
            "docs_check cannot read this method router: {}",
            quote_of(expr)
        ),
    }
}

fn string_literal(expr: &syn::Expr) -> Option<String> {
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => Some(s.value()),
        _ => None,
    }
}

/// Enough of an expression to find it in the source.
fn quote_of(expr: &syn::Expr) -> String {
    let text = format!("{expr:?}");
    text.chars().take(300).collect()
}

/// `METHOD path` for every route named in the first cell of a table row of `docs/http.md`:
/// `GET /staff/`, `GET|POST /staff/admin/tokens`, `GET /{lang}/transparency[?year=YYYY]`.
fn routes_in(doc: &str) -> BTreeSet<String> {
    let mut routes = BTreeSet::new();
    for cell in first_cells(doc) {
        for span in code_spans(&cell) {
            let Some((verbs, rest)) = span.split_once(' ') else {
                continue;
            };
            let verbs: Vec<&str> = verbs.split('|').collect();
            if !verbs
                .iter()
                .all(|v| METHODS.contains(&v.to_lowercase().as_str()) && *v == v.to_uppercase())
            {
                continue;
            }
            let path = rest.split(['?', '[', ' ']).next().unwrap_or_default();
            for verb in verbs {
                routes.insert(format!("{verb} {path}"));
            }
        }
    }
    routes
}

#[test]
fn every_route_is_documented_and_every_documented_route_exists() {
    let code = routes_in_code();
    // The reader itself must see the router: a few routes every version has.
    for known in ["GET /{lang}/report", "POST /api/v1/reports", "GET /staff/"] {
        assert!(code.contains(known), "{known} not found in {code:?}");
    }
    difference(
        "routes",
        "docs/http.md",
        &code,
        &routes_in(&document("http.md")),
    );
}

#[test]
fn the_readers_of_the_documents_read_what_they_should() {
    let table = "| key | default |\n| --- | --- |\n| `network.offline` | `false` |\n\
                 | `public.help`, `public.hotline_name` | see |\n";
    assert_eq!(
        config_keys_in(table),
        BTreeSet::from(["network.offline", "public.help", "public.hotline_name"].map(String::from))
    );
    let table = "| route | does |\n| --- | --- |\n| `GET\\|POST /staff/admin/tokens` | x |\n\
                 | `GET /{lang}/transparency[?year=YYYY]` | y |\n";
    assert_eq!(
        routes_in(table),
        BTreeSet::from(
            [
                "GET /staff/admin/tokens",
                "POST /staff/admin/tokens",
                "GET /{lang}/transparency",
            ]
            .map(String::from)
        )
    );
    assert_eq!(
        command_of("hotline user add NAME --role ROLE"),
        "hotline user add"
    );
    assert_eq!(
        command_of("hotline keys reset-2fa [--x]"),
        "hotline keys reset-2fa"
    );
    assert_eq!(
        long_options("hotline token create --user NAME [--scope cases|export]"),
        BTreeSet::from(["--user", "--scope"].map(String::from))
    );
}

/// Every relative link of the documents points at a file that exists, and a link whose text
/// names a function or type (`` [`Store::submit_report`](…/reports.rs) ``) points at the file
/// that defines it, so a rename or a move shows here rather than in a reader's first hour.
#[test]
fn the_links_of_the_documents_lead_somewhere() {
    let root = repository();
    let mut files = vec![root.join("README.md"), root.join("ARCHITECTURE.md")];
    for entry in std::fs::read_dir(root.join("docs")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            files.push(path);
        }
    }
    let mut broken = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (label, target) in links(&text) {
            if target.starts_with("http://")
                || target.starts_with("https://")
                || target.starts_with('#')
            {
                continue;
            }
            let path = file
                .parent()
                .unwrap()
                .join(target.split('#').next().unwrap());
            if !path.exists() {
                broken.push(format!("{}: {target} does not exist", file.display()));
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let content = std::fs::read_to_string(&path).unwrap();
            // `name`, `module::name` or `Type::name`: the last part must be defined there.
            let Some(name) = label.strip_prefix('`').and_then(|l| l.strip_suffix('`')) else {
                continue;
            };
            let last = name.rsplit("::").next().unwrap();
            let is_identifier = !last.is_empty()
                && last.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !last.contains('.');
            if is_identifier
                && name != last
                && path.file_stem().is_none_or(|stem| stem != last)
                && ![
                    "fn",
                    "struct",
                    "enum",
                    "trait",
                    "type",
                    "macro_rules!",
                    "const",
                    "mod",
                ]
                .iter()
                .any(|kw| content.contains(&format!("{kw} {last}")))
            {
                broken.push(format!("{}: {target} defines no `{last}`", file.display()));
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

/// `(label, target)` of every inline Markdown link `[label](target)`.
fn links(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(close) = rest.find("](") {
        let label_start = rest[..close].rfind('[').map_or(close, |i| i + 1);
        let label = rest[label_start..close].to_owned();
        let after = &rest[close + 2..];
        let Some(end) = after.find(')') else { break };
        found.push((label, after[..end].to_owned()));
        rest = &after[end..];
    }
    found
}

/// Every citation of the contract in the code (`docs/SPEC.md §N`) names a section that
/// exists, and nothing cites it by another name.
#[test]
fn citations_of_the_contract_resolve() {
    let root = repository();
    let spec = std::fs::read_to_string(root.join("docs/SPEC.md")).unwrap();
    let sections: BTreeSet<String> = spec
        .lines()
        .filter_map(|l| l.strip_prefix("## "))
        .filter_map(|l| l.split_once('.').map(|(n, _)| n.to_owned()))
        .collect();
    let mut files = Vec::new();
    let mut dirs = vec![root.join("crates")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs" || e == "sql")
                // This file names the citation to look for.
                && path.file_name().is_some_and(|n| n != "docs_check.rs")
            {
                files.push(path);
            }
        }
    }
    let mut wrong = Vec::new();
    let mut cited = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (at, _) in text.match_indices("SPEC") {
            let rest = &text[at..];
            let section = rest.strip_prefix("SPEC.md §").map(|r| {
                r.chars()
                    .take_while(char::is_ascii_digit)
                    .collect::<String>()
            });
            let preceded = text[..at].ends_with("docs/");
            match section {
                Some(n) if preceded && sections.contains(&n) => cited += 1,
                _ if rest.starts_with("SPECIAL") => {}
                _ => wrong.push(format!(
                    "{}: {}",
                    file.display(),
                    rest.lines().next().unwrap_or_default()
                )),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "citations that do not resolve:\n{}",
        wrong.join("\n")
    );
    assert!(
        cited > 0,
        "no citation of docs/SPEC.md found: is the walk reading the crates?"
    );
}
