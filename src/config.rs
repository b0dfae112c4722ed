//! The optional config file: TOML in the platform config directory. Every key is optional;
//! a wrong value is a clear error naming the key and the accepted values.
//!
//! ```toml
//! language = "id"              # en | id
//! theme = "light"              # dark | light | high-contrast (NO_COLOR turns colour off)
//! mouse = false                # true (default): click a tab, scroll a list
//! reflection_cadence = "month" # week | month | quarter
//! health_check_days = 90       # 7..=365
//! meeting_minutes = 45         # default meeting length, 5..=480
//! week_start = "sunday"       # monday … sunday (or senin … minggu)
//! date_format = "dd/mm/yyyy"  # iso | dd/mm/yyyy | mm/dd/yyyy | d mon yyyy
//! reminder_minutes = 15        # calendar export's reminder before a meeting, 0..=1440 (0: none)
//! ```

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Weekday};
use serde::Deserialize;

use crate::domain::Period;
use crate::domain::dates::push_digits;
use crate::i18n::Lang;

/// Colours for a dark or a light terminal background, or high contrast with the 16 ANSI
/// colours only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Dark,
    Light,
    /// The terminal's own foreground and background, bold and reverse for emphasis, and a
    /// few badges in the 16 ANSI colours: for any palette, a 16-colour terminal, low vision.
    HighContrast,
}

/// How dates are shown on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateFormat {
    /// 2026-12-01
    #[default]
    Iso,
    /// 01/12/2026
    DayMonthYear,
    /// 12/01/2026
    MonthDayYear,
    /// 1 Dec 2026
    Long,
}

impl DateFormat {
    /// Formats a date this way, a month's name in `lang` (`2 Des 2026`).
    pub fn format(self, date: NaiveDate, lang: Lang) -> String {
        use chrono::Datelike;
        let pattern = match self {
            DateFormat::Iso => "%Y-%m-%d",
            DateFormat::DayMonthYear => "%d/%m/%Y",
            DateFormat::MonthDayYear => "%m/%d/%Y",
            DateFormat::Long => {
                let months = &lang.text().labels.months;
                let month = months.get(date.month0() as usize).copied().unwrap_or("");
                return format!("{} {month} {}", date.day(), date.year());
            }
        };
        // Every date of every list row on every frame: written digit by digit, as chrono's
        // pattern would (which parses the pattern each time); years chrono writes with a
        // sign (before 0 or after 9999) are left to chrono.
        let (year, month, day) = (date.year(), date.month(), date.day());
        let Ok(year) = u32::try_from(year) else {
            return date.format(pattern).to_string();
        };
        if year > 9999 {
            return date.format(pattern).to_string();
        }
        let mut out = String::with_capacity(10);
        let (first, second, sep) = match self {
            DateFormat::DayMonthYear => (day, month, '/'),
            DateFormat::MonthDayYear => (month, day, '/'),
            _ => (month, day, '-'),
        };
        if sep == '-' {
            push_digits(&mut out, year, 4);
            out.push(sep);
        }
        push_digits(&mut out, first, 2);
        out.push(sep);
        push_digits(&mut out, second, 2);
        if sep == '/' {
            out.push(sep);
            push_digits(&mut out, year, 4);
        }
        out
    }

    /// How a typed `01/12/2026` is read: as this format writes dates (refused when it
    /// writes them otherwise, as the order would be a guess).
    pub fn slash_dates(self) -> crate::domain::SlashDates {
        use crate::domain::SlashDates;
        match self {
            DateFormat::DayMonthYear => SlashDates::DayFirst,
            DateFormat::MonthDayYear => SlashDates::MonthFirst,
            DateFormat::Iso | DateFormat::Long => SlashDates::Refused,
        }
    }
}

/// The settings, with defaults for every key not in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub language: Option<Lang>,
    pub theme: Theme,
    pub reflection_cadence: Period,
    pub health_check_days: u32,
    pub meeting_minutes: u32,
    pub week_start: Weekday,
    pub date_format: DateFormat,
    /// Whether the app captures the mouse (click a tab, scroll a list). Off, the terminal
    /// keeps the mouse: plain drag selects text.
    pub mouse: bool,
    /// Minutes before a planned meeting the calendar export's reminder (VALARM) goes off;
    /// 0 for none.
    pub reminder_minutes: u32,
    /// The folder holding the file (user templates live beside it).
    pub dir: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            language: None,
            theme: Theme::Dark,
            reflection_cadence: Period::Week,
            health_check_days: 90,
            meeting_minutes: 30,
            week_start: Weekday::Mon,
            date_format: DateFormat::Iso,
            mouse: true,
            reminder_minutes: 30,
            dir: None,
        }
    }
}

/// A config file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the config file {path} is not valid TOML: {message}")]
    Syntax { path: PathBuf, message: String },
    #[error("in the config file {path}: {key} = {value} is not accepted; use {accepted}")]
    Value {
        path: PathBuf,
        key: &'static str,
        value: String,
        accepted: &'static str,
    },
    /// `--config PATH` names a file that does not exist (a typo must not be ignored).
    #[error("the config file {path} given with --config does not exist")]
    Missing { path: PathBuf },
    /// A device, a FIFO, a folder: reading it could block or never end.
    #[error("the config file {path} is not a regular file")]
    NotRegular { path: PathBuf },
    /// Larger than any config file of a few lines.
    #[error("the config file {path} is larger than {limit_kib} KiB; a config file is a few lines")]
    TooLarge { path: PathBuf, limit_kib: u64 },
}

/// The largest config file read.
pub const MAX_CONFIG_BYTES: u64 = 64 * 1024;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    language: Option<toml::Value>,
    theme: Option<toml::Value>,
    reflection_cadence: Option<toml::Value>,
    health_check_days: Option<toml::Value>,
    meeting_minutes: Option<toml::Value>,
    week_start: Option<toml::Value>,
    date_format: Option<toml::Value>,
    mouse: Option<toml::Value>,
    reminder_minutes: Option<toml::Value>,
}

impl Config {
    /// The config file's default location (`…/mentee/config.toml`).
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "mentee").map(|d| d.config_dir().join("config.toml"))
    }

    /// Loads `path`; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        Self::load_from(path, false)
    }

    /// Loads `path`. A missing file gives the defaults, unless it was named `explicit`ly
    /// (`--config`): then it is an error. Only a regular file of at most
    /// [`MAX_CONFIG_BYTES`] is read (`--config /dev/zero` must not hang).
    pub fn load_from(path: &Path, explicit: bool) -> Result<Config, ConfigError> {
        use std::io::Read;
        let read_error = |source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        };
        let too_large = || ConfigError::TooLarge {
            path: path.to_path_buf(),
            limit_kib: MAX_CONFIG_BYTES / 1024,
        };
        match std::fs::metadata(path) {
            Ok(meta) if !meta.is_file() => {
                return Err(ConfigError::NotRegular {
                    path: path.to_path_buf(),
                });
            }
            Ok(meta) if meta.len() > MAX_CONFIG_BYTES => return Err(too_large()),
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if explicit {
                    return Err(ConfigError::Missing {
                        path: path.to_path_buf(),
                    });
                }
                return Ok(Config {
                    dir: path.parent().map(Path::to_path_buf),
                    ..Config::default()
                });
            }
            Err(source) => return Err(read_error(source)),
        }
        let mut text = String::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_CONFIG_BYTES + 1).read_to_string(&mut text))
            .map_err(read_error)?;
        if text.len() as u64 > MAX_CONFIG_BYTES {
            return Err(too_large());
        }
        let mut config = Config::parse(&text, path)?;
        config.dir = path.parent().map(Path::to_path_buf);
        Ok(config)
    }

    /// Parses the text of a config file (`path` is only for messages).
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| ConfigError::Syntax {
            path: path.to_path_buf(),
            message: e.message().to_string(),
        })?;
        let bad =
            |key: &'static str, value: &toml::Value, accepted: &'static str| ConfigError::Value {
                path: path.to_path_buf(),
                key,
                value: value.to_string(),
                accepted,
            };
        let mut c = Config::default();
        if let Some(v) = &raw.language {
            const OK: &str = "\"en\" or \"id\"";
            c.language = Some(
                v.as_str()
                    .and_then(Lang::from_code)
                    .ok_or_else(|| bad("language", v, OK))?,
            );
        }
        if let Some(v) = &raw.theme {
            const OK: &str = "\"dark\", \"light\" or \"high-contrast\"";
            c.theme = match v.as_str() {
                Some("dark") => Theme::Dark,
                Some("light") => Theme::Light,
                Some("high-contrast") => Theme::HighContrast,
                _ => return Err(bad("theme", v, OK)),
            };
        }
        if let Some(v) = &raw.reflection_cadence {
            const OK: &str = "\"week\", \"month\" or \"quarter\"";
            c.reflection_cadence = v
                .as_str()
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| bad("reflection_cadence", v, OK))?;
        }
        if let Some(v) = &raw.health_check_days {
            const OK: &str = "a whole number of days from 7 to 365";
            c.health_check_days =
                int_in(v, 7, 365).ok_or_else(|| bad("health_check_days", v, OK))?;
        }
        if let Some(v) = &raw.meeting_minutes {
            const OK: &str = "a whole number of minutes from 5 to 480";
            c.meeting_minutes = int_in(v, 5, 480).ok_or_else(|| bad("meeting_minutes", v, OK))?;
        }
        if let Some(v) = &raw.week_start {
            const OK: &str = "a weekday name: \"monday\" … \"sunday\" (or \"senin\" … \"minggu\")";
            c.week_start = v
                .as_str()
                .and_then(weekday)
                .ok_or_else(|| bad("week_start", v, OK))?;
        }
        if let Some(v) = &raw.date_format {
            const OK: &str = "\"iso\", \"dd/mm/yyyy\", \"mm/dd/yyyy\" or \"d mon yyyy\"";
            c.date_format = match v.as_str() {
                Some("iso") => DateFormat::Iso,
                Some("dd/mm/yyyy") => DateFormat::DayMonthYear,
                Some("mm/dd/yyyy") => DateFormat::MonthDayYear,
                Some("d mon yyyy") => DateFormat::Long,
                _ => return Err(bad("date_format", v, OK)),
            };
        }
        if let Some(v) = &raw.mouse {
            c.mouse = v
                .as_bool()
                .ok_or_else(|| bad("mouse", v, "true or false"))?;
        }
        if let Some(v) = &raw.reminder_minutes {
            const OK: &str = "a whole number of minutes from 0 (no reminder) to 1440";
            c.reminder_minutes =
                int_in(v, 0, 1440).ok_or_else(|| bad("reminder_minutes", v, OK))?;
        }
        Ok(c)
    }
}

fn int_in(v: &toml::Value, min: i64, max: i64) -> Option<u32> {
    v.as_integer()
        .filter(|n| (min..=max).contains(n))
        .and_then(|n| u32::try_from(n).ok())
}

fn weekday(name: &str) -> Option<Weekday> {
    match name.trim().to_lowercase().as_str() {
        "monday" | "senin" => Some(Weekday::Mon),
        "tuesday" | "selasa" => Some(Weekday::Tue),
        "wednesday" | "rabu" => Some(Weekday::Wed),
        "thursday" | "kamis" => Some(Weekday::Thu),
        "friday" | "jumat" => Some(Weekday::Fri),
        "saturday" | "sabtu" => Some(Weekday::Sat),
        "sunday" | "minggu" => Some(Weekday::Sun),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("/home/u/.config/mentee/config.toml"))
    }

    #[test]
    fn dates_are_written_as_chronos_patterns_write_them() {
        let patterns = [
            (DateFormat::Iso, "%Y-%m-%d"),
            (DateFormat::DayMonthYear, "%d/%m/%Y"),
            (DateFormat::MonthDayYear, "%m/%d/%Y"),
        ];
        let mut dates: Vec<NaiveDate> = [
            (0, 1, 1),
            (1, 2, 3),
            (999, 12, 31),
            (1970, 1, 1),
            (2026, 11, 30),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 6, 15),
            (-262_000, 1, 1),
            (262_000, 12, 31),
        ]
        .iter()
        .map(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
        .collect();
        dates.extend([NaiveDate::MIN, NaiveDate::MAX]);
        let mut day = NaiveDate::from_ymd_opt(2023, 12, 25).unwrap();
        for _ in 0..800 {
            dates.push(day);
            day = day.succ_opt().unwrap();
        }
        for date in dates {
            for (format, pattern) in patterns {
                assert_eq!(
                    format.format(date, Lang::En),
                    date.format(pattern).to_string(),
                    "{date:?} as {pattern}"
                );
            }
        }
    }

    #[test]
    fn reminder_minutes_is_read_and_checked() {
        assert_eq!(Config::default().reminder_minutes, 30);
        assert_eq!(parse("reminder_minutes = 0\n").unwrap().reminder_minutes, 0);
        assert_eq!(
            parse("reminder_minutes = 90\n").unwrap().reminder_minutes,
            90
        );
        assert!(matches!(
            parse("reminder_minutes = -5\n"),
            Err(ConfigError::Value {
                key: "reminder_minutes",
                ..
            })
        ));
        assert!(parse("reminder_minutes = 2000\n").is_err());
    }

    #[test]
    fn empty_file_gives_defaults() {
        assert_eq!(parse("").unwrap(), Config::default());
    }

    #[test]
    fn every_key_is_read() {
        let c = parse(
            "language = \"id\"\ntheme = \"light\"\nreflection_cadence = \"month\"\nhealth_check_days = 60\n\
             meeting_minutes = 45\nweek_start = \"sunday\"\ndate_format = \"dd/mm/yyyy\"\n\
             mouse = false\n",
        )
        .unwrap();
        assert_eq!(c.language, Some(Lang::Id));
        assert_eq!(c.theme, Theme::Light);
        assert_eq!(c.reflection_cadence, Period::Month);
        assert_eq!(c.health_check_days, 60);
        assert_eq!(c.meeting_minutes, 45);
        assert_eq!(c.week_start, Weekday::Sun);
        assert_eq!(c.date_format, DateFormat::DayMonthYear);
        assert!(!c.mouse);
        assert!(Config::default().mouse);
        let c = parse("theme = \"high-contrast\"").unwrap();
        assert_eq!(c.theme, Theme::HighContrast);
    }

    #[test]
    fn bad_values_name_the_key_and_what_is_accepted() {
        let cases = [
            (
                "language = \"fr\"",
                "language = \"fr\" is not accepted; use \"en\" or \"id\"",
            ),
            (
                "theme = 3",
                "theme = 3 is not accepted; use \"dark\", \"light\" or \"high-contrast\"",
            ),
            (
                "meeting_minutes = 0",
                "meeting_minutes = 0 is not accepted; use a whole number of minutes from 5 to 480",
            ),
            (
                "week_start = \"someday\"",
                "week_start = \"someday\" is not accepted",
            ),
            (
                "reflection_cadence = \"daily\"",
                "use \"week\", \"month\" or \"quarter\"",
            ),
            (
                "date_format = \"yyyy\"",
                "date_format = \"yyyy\" is not accepted",
            ),
            (
                "mouse = \"no\"",
                "mouse = \"no\" is not accepted; use true or false",
            ),
            (
                "health_check_days = 1000",
                "health_check_days = 1000 is not accepted",
            ),
        ];
        for (text, want) in cases {
            let msg = parse(text).unwrap_err().to_string();
            assert!(msg.contains(want), "{text}: {msg}");
            assert!(msg.contains("config.toml"), "{msg}");
        }
    }

    #[test]
    fn unknown_keys_and_bad_syntax_are_errors() {
        let msg = parse("colour = \"red\"").unwrap_err().to_string();
        assert!(msg.contains("unknown field `colour`"), "{msg}");
        assert!(matches!(
            parse("language = "),
            Err(ConfigError::Syntax { .. })
        ));
    }

    #[test]
    fn missing_file_gives_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let c = Config::load(&dir.path().join("config.toml")).unwrap();
        assert_eq!(c.meeting_minutes, 30);
    }

    #[test]
    fn an_explicit_missing_file_a_device_and_a_huge_file_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.toml");
        assert!(
            Config::load_from(&missing, false).is_ok(),
            "the default path may be absent"
        );
        assert!(matches!(
            Config::load_from(&missing, true),
            Err(ConfigError::Missing { .. })
        ));
        for odd in [Path::new("/dev/zero"), dir.path()] {
            assert!(matches!(
                Config::load_from(odd, true),
                Err(ConfigError::NotRegular { .. })
            ));
        }
        let huge = dir.path().join("huge.toml");
        std::fs::write(&huge, "#".repeat(MAX_CONFIG_BYTES as usize + 1)).unwrap();
        assert!(matches!(
            Config::load_from(&huge, true),
            Err(ConfigError::TooLarge { .. })
        ));
    }

    #[test]
    fn date_formats() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(DateFormat::Iso.format(d, Lang::En), "2026-12-01");
        assert_eq!(DateFormat::DayMonthYear.format(d, Lang::Id), "01/12/2026");
        assert_eq!(DateFormat::MonthDayYear.format(d, Lang::En), "12/01/2026");
        assert_eq!(DateFormat::Long.format(d, Lang::En), "1 Dec 2026");
        assert_eq!(DateFormat::Long.format(d, Lang::Id), "1 Des 2026");
        // Every date each format writes reads back, in both languages.
        for format in [
            DateFormat::Iso,
            DateFormat::DayMonthYear,
            DateFormat::MonthDayYear,
            DateFormat::Long,
        ] {
            for lang in [Lang::En, Lang::Id] {
                for month in 1..=12 {
                    let day = NaiveDate::from_ymd_opt(2026, month, 13).unwrap();
                    let shown = format.format(day, lang);
                    assert_eq!(
                        crate::domain::parse_date_as(&shown, d, format.slash_dates()),
                        Ok(day),
                        "{shown}"
                    );
                }
            }
        }
    }
}
