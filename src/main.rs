//! The `jobbmatch` command: parse arguments, set up logging, run the library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
