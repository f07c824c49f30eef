//! `--help` in the language of the run: every command's and option's text from the catalog
//! (`help-<command>`, `help-<command>-<option>`, else `help-<option>`), and the headings. The
//! doc comments of `cli.rs` stay the developers' documentation.

use clap::{Arg, ArgAction, Command};
use planfin_core::plan::Lang;
use planfin_messages::msg;

/// `command` (the whole tree) with its help in `lang`.
pub fn localized(command: Command, lang: Lang) -> Command {
    let text = |id: &str| planfin_messages::text(id, lang);
    let usage = text("help-usage").unwrap_or("Usage");
    let colon = match lang {
        Lang::Fr => "\u{a0}:",
        Lang::En => ":",
    };
    let template = format!("{{about-with-newline}}\n{usage}{colon} {{usage}}\n\n{{all-args}}");
    let command = command.disable_version_flag(true).arg(flag(
        "version",
        'V',
        ArgAction::Version,
        text("help-version"),
    ));
    localize(command, "planfin", lang, &template)
}

fn localize(mut command: Command, path: &str, lang: Lang, template: &str) -> Command {
    let text = |id: &str| planfin_messages::text(id, lang);
    // clap writes its headings followed by ":"; French puts a no-break space before it.
    let heading = |id: &str| {
        let text = text(id).unwrap_or(id);
        match lang {
            Lang::Fr => format!("{text}\u{a0}"),
            Lang::En => text.to_string(),
        }
    };
    if let Some(about) = text(&format!("help-{path}")) {
        command = command.about(about).long_about(None::<&str>);
    }
    command = command
        .help_template(template.to_string())
        .subcommand_help_heading(heading("help-heading-commands"))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(flag("help", 'h', ArgAction::Help, text("help-help")));
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = text(&format!("help-{path}-{id}")).or_else(|| text(&format!("help-{id}")));
        command = command.mut_arg(&id, |arg| {
            let place = match arg.is_positional() {
                true => heading("help-heading-arguments"),
                false => heading("help-heading-options"),
            };
            let arg = arg.help_heading(place);
            let takes_values = arg.get_action().takes_values();
            let listed = takes_values && !arg.get_possible_values().is_empty();
            let Some(help) = help else { return arg };
            // The catalog's text names the values itself; the default is said in the language.
            let defaults: Vec<&str> = arg
                .get_default_values()
                .iter()
                .filter_map(|v| v.to_str())
                .collect();
            let help = match defaults.as_slice() {
                [] => help.to_string(),
                values => {
                    let default = msg!("help-default", value = values.join(", "));
                    format!("{help} ({})", default.render(lang))
                }
            };
            arg.help(help)
                .long_help(None::<&str>)
                .hide_possible_values(listed)
                .hide_default_value(takes_values)
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(&name, |sub| localize(sub, &name, lang, template));
    }
    command
}

/// `--help` or `--version` with its text in the run's language (each command gets its own
/// `--help`).
fn flag(name: &'static str, short: char, action: ArgAction, help: Option<&'static str>) -> Arg {
    Arg::new(name)
        .long(name)
        .short(short)
        .action(action)
        .help(help)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;

    #[test]
    fn the_localized_command_line_is_consistent_in_both_languages() {
        for lang in Lang::ALL {
            localized(Cli::command(), lang).debug_assert();
        }
    }

    #[test]
    fn every_command_and_option_has_its_help_in_both_languages() {
        fn check(command: &Command, path: &str) {
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                let ids = [format!("help-{path}-{id}"), format!("help-{id}")];
                for lang in Lang::ALL {
                    let found = ids
                        .iter()
                        .any(|i| planfin_messages::text(i, lang).is_some());
                    assert!(found, "{path} --{id}: no help in {lang}");
                }
            }
            for sub in command.get_subcommands() {
                let name = sub.get_name();
                for lang in Lang::ALL {
                    let about = planfin_messages::text(&format!("help-{name}"), lang);
                    assert!(about.is_some(), "{name}: no help in {lang}");
                }
                check(sub, name);
            }
        }
        check(&Cli::command(), "planfin");
    }
}
