//! The date words a mentee types: ISO dates, `today`, `+3d`, weekday names, in English and
//! Bahasa Indonesia. Pure: "today" is passed in, never read from the system clock.
//!
//! Every date read here is within the supported range ([`limits::MIN_DATE`] to
//! [`limits::MAX_DATE`]), and the date arithmetic the rest of the app needs is here in checked
//! or saturating form ([`add_days`], [`add_months`], [`add_minutes`]): a `+` on a date that can
//! overflow panics, so none is written anywhere else.

use chrono::{Datelike, Duration, Months, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::limits;

/// Writes `n` in decimal, zero-padded to `width` digits (dates and timestamps written
/// without a format pattern, which would be parsed on every call).
pub fn push_digits(out: &mut String, n: u32, width: u32) {
    for place in (0..width).rev() {
        let digit = (n / 10u32.pow(place) % 10) as u8;
        out.push(char::from(b'0' + digit));
    }
}

/// Why a typed date was not understood. The message says what is accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Looks like a date but the calendar has no such day, e.g. `2026-02-30`.
    #[error("{0:?} is not a real calendar date")]
    Impossible(String),
    /// Nothing we know how to read.
    #[error(
        "{0:?} is not a date; use 2026-12-01, today, tomorrow, +3d, +2w, a weekday, next week, hari ini, besok, lusa or jumat depan"
    )]
    Unknown(String),
    /// Empty input where a date is required.
    #[error("a date is required")]
    Empty,
    /// A real date, but outside the supported range (1900-01-01 to 9999-12-31).
    #[error("{0:?} is outside the supported dates (1900-01-01 to 9999-12-31)")]
    OutOfRange(String),
}

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("mon", Weekday::Mon),
    ("senin", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("tue", Weekday::Tue),
    ("selasa", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("wed", Weekday::Wed),
    ("rabu", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("thu", Weekday::Thu),
    ("kamis", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("fri", Weekday::Fri),
    ("jumat", Weekday::Fri),
    ("jum'at", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sat", Weekday::Sat),
    ("sabtu", Weekday::Sat),
    ("sunday", Weekday::Sun),
    ("sun", Weekday::Sun),
    ("minggu", Weekday::Sun),
    ("ahad", Weekday::Sun),
];

/// How a typed `01/12/2026` is read: the way the configured display format writes dates.
/// With any other display format such a date is ambiguous and refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SlashDates {
    /// Not accepted (the display format is ISO or has the month's name).
    #[default]
    Refused,
    /// `dd/mm/yyyy`.
    DayFirst,
    /// `mm/dd/yyyy`.
    MonthFirst,
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("januari", 1),
    ("jan", 1),
    ("february", 2),
    ("februari", 2),
    ("feb", 2),
    ("peb", 2),
    ("march", 3),
    ("maret", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("mei", 5),
    ("june", 6),
    ("juni", 6),
    ("jun", 6),
    ("july", 7),
    ("juli", 7),
    ("jul", 7),
    ("august", 8),
    ("agustus", 8),
    ("aug", 8),
    ("agu", 8),
    ("agt", 8),
    ("ags", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oktober", 10),
    ("oct", 10),
    ("okt", 10),
    ("november", 11),
    ("nov", 11),
    ("nop", 11),
    ("december", 12),
    ("desember", 12),
    ("dec", 12),
    ("des", 12),
];

/// Reads a date as typed by the user, relative to `today` (`dd/mm/yyyy` is refused: see
/// [`parse_date_as`]).
///
/// Accepted: `YYYY-MM-DD`; `1 Dec 2026`, `1 Des 2026`, `1 Desember 2026` (a month's name or
/// its short form, in either language); `today`/`hari ini`, `tomorrow`/`besok`,
/// `yesterday`/`kemarin`, `lusa` (the day after tomorrow); `+3d`, `-2w`, `+1m`, `+3h`, `+2mg`,
/// `+1bln` (days, weeks, months); `next week`/`minggu depan`/`pekan depan` (in a week),
/// `next month`/`bulan depan`; a weekday name in English or Indonesian, meaning the next such
/// day after today (`next friday` too); in Indonesian `jumat ini` is this week's Friday and
/// `jumat depan` next week's (weeks start on Monday; `minggu ini` and `pekan ini` are this
/// week's Sunday, its last day). Case and surrounding spaces are ignored.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    parse_date_as(input, today, SlashDates::Refused)
}

/// [`parse_date`], also reading `01/12/2026` the way `slash` says.
pub fn parse_date_as(
    input: &str,
    today: NaiveDate,
    slash: SlashDates,
) -> Result<NaiveDate, DateError> {
    let day = parse_any_date(input, today, slash)?;
    if limits::date_in_range(day) {
        Ok(day)
    } else {
        Err(DateError::OutOfRange(input.trim().to_string()))
    }
}

/// [`parse_date`] before the range check; `None` from checked arithmetic is out of range.
fn parse_any_date(
    input: &str,
    today: NaiveDate,
    slash: SlashDates,
) -> Result<NaiveDate, DateError> {
    let text = input.trim().to_lowercase();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    let out_of_range = || DateError::OutOfRange(input.trim().to_string());
    let shifted = |days: i64| {
        today
            .checked_add_signed(Duration::days(days))
            .ok_or_else(out_of_range)
    };
    match text.as_str() {
        "today" | "hari ini" | "now" | "sekarang" => return Ok(today),
        "tomorrow" | "besok" => return shifted(1),
        "yesterday" | "kemarin" => return shifted(-1),
        "lusa" => return shifted(2),
        "next week" | "minggu depan" | "pekan depan" => return shifted(7),
        "next month" | "bulan depan" => {
            return today
                .checked_add_months(Months::new(1))
                .ok_or_else(out_of_range);
        }
        _ => {}
    }
    if let Some(date) = parse_iso(&text)? {
        return Ok(date);
    }
    if let Some(date) = parse_slashed(&text, slash)? {
        return Ok(date);
    }
    if let Some(date) = parse_named_month(&text)? {
        return Ok(date);
    }
    if let Some(date) = parse_offset(&text, today) {
        return date.ok_or_else(out_of_range);
    }
    // "jumat ini" / "pekan ini": this week's day; "jumat depan": next week's (Monday first).
    let this_week = |weekday: Weekday, weeks: i64| {
        let monday = today.weekday().num_days_from_monday() as i64;
        shifted(weeks * 7 + weekday.num_days_from_monday() as i64 - monday)
    };
    if matches!(text.as_str(), "minggu ini" | "pekan ini" | "this week") {
        return this_week(Weekday::Sun, 0);
    }
    for (suffix, weeks) in [(" ini", 0), (" depan", 1)] {
        if let Some(name) = text.strip_suffix(suffix)
            && let Some((_, weekday)) = WEEKDAYS.iter().find(|(word, _)| *word == name)
        {
            return this_week(*weekday, weeks);
        }
    }
    let name = text
        .strip_prefix("next ")
        .or_else(|| text.strip_prefix("this "))
        .unwrap_or(&text);
    if let Some((_, weekday)) = WEEKDAYS.iter().find(|(word, _)| *word == name) {
        let ahead = (7 + weekday.num_days_from_monday() as i64
            - today.weekday().num_days_from_monday() as i64)
            % 7;
        let ahead = if ahead == 0 { 7 } else { ahead };
        return shifted(ahead);
    }
    Err(DateError::Unknown(input.trim().to_string()))
}

/// `YYYY-MM-DD`: `Ok(None)` when the text is not of that shape, an error when it is but the
/// day does not exist.
fn parse_iso(text: &str) -> Result<Option<NaiveDate>, DateError> {
    let parts: Vec<&str> = text.split('-').collect();
    let shaped = parts.len() == 3
        && parts[0].len() == 4
        && (1..=2).contains(&parts[1].len())
        && (1..=2).contains(&parts[2].len())
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !shaped {
        return Ok(None);
    }
    let num = |s: &str| s.parse::<u32>().unwrap_or(0);
    let year = num(parts[0]) as i32;
    NaiveDate::from_ymd_opt(year, num(parts[1]), num(parts[2]))
        .map(Some)
        .ok_or_else(|| DateError::Impossible(text.to_string()))
}

/// `01/12/2026` read as `slash` says: `Ok(None)` when not of that shape or not accepted.
fn parse_slashed(text: &str, slash: SlashDates) -> Result<Option<NaiveDate>, DateError> {
    let parts: Vec<&str> = text.split('/').collect();
    let shaped = parts.len() == 3
        && (1..=2).contains(&parts[0].len())
        && (1..=2).contains(&parts[1].len())
        && parts[2].len() == 4
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    let (day, month) = match slash {
        _ if !shaped => return Ok(None),
        SlashDates::Refused => return Ok(None),
        SlashDates::DayFirst => (parts[0], parts[1]),
        SlashDates::MonthFirst => (parts[1], parts[0]),
    };
    let num = |s: &str| s.parse::<u32>().unwrap_or(0);
    NaiveDate::from_ymd_opt(num(parts[2]) as i32, num(month), num(day))
        .map(Some)
        .ok_or_else(|| DateError::Impossible(text.to_string()))
}

/// `1 Dec 2026`, `1 desember 2026`, `1 Des. 2026`: `Ok(None)` when not of that shape.
fn parse_named_month(text: &str) -> Result<Option<NaiveDate>, DateError> {
    let parts: Vec<&str> = text.split([' ', ',']).filter(|p| !p.is_empty()).collect();
    let [day, month, year] = parts.as_slice() else {
        return Ok(None);
    };
    let month = month.trim_end_matches('.');
    let Some((_, month)) = MONTHS.iter().find(|(name, _)| *name == month) else {
        return Ok(None);
    };
    let (Ok(day), Ok(year)) = (day.parse::<u32>(), year.parse::<i32>()) else {
        return Ok(None);
    };
    if year.to_string().len() != 4 {
        return Ok(None);
    }
    NaiveDate::from_ymd_opt(year, *month, day)
        .map(Some)
        .ok_or_else(|| DateError::Impossible(text.to_string()))
}

/// `+3d`, `-2w`, `+1m`, `3d`: `None` when not of that shape, `Some(None)` when out of range.
fn parse_offset(text: &str, today: NaiveDate) -> Option<Option<NaiveDate>> {
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1i64, &text[1..]),
        b'-' => (-1i64, &text[1..]),
        _ => (1i64, text),
    };
    let rest = rest.trim();
    let unit_at = rest.find(|c: char| !c.is_ascii_digit())?;
    if unit_at == 0 {
        return None;
    }
    let amount: i64 = rest[..unit_at].parse().ok()?;
    let unit = rest[unit_at..].trim();
    let result = match unit {
        "d" | "day" | "days" | "h" | "hari" => {
            today.checked_add_signed(Duration::try_days(sign * amount)?)
        }
        "w" | "week" | "weeks" | "mg" | "minggu" => {
            today.checked_add_signed(Duration::try_weeks(sign * amount)?)
        }
        "m" | "month" | "months" | "bln" | "bulan" => {
            let months = Months::new(u32::try_from(amount).ok()?);
            if sign > 0 {
                today.checked_add_months(months)
            } else {
                today.checked_sub_months(months)
            }
        }
        _ => return None,
    };
    Some(result)
}

/// `day` moved by `days` (negative: back), stopping at the first or last day chrono can
/// represent instead of overflowing.
pub fn add_days(day: NaiveDate, days: i64) -> NaiveDate {
    let limit = if days < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    };
    Duration::try_days(days)
        .and_then(|d| day.checked_add_signed(d))
        .unwrap_or(limit)
}

/// `day` moved by `months` calendar months (negative: back), saturating like [`add_days`].
pub fn add_months(day: NaiveDate, months: i32) -> NaiveDate {
    let n = Months::new(months.unsigned_abs());
    if months < 0 {
        day.checked_sub_months(n).unwrap_or(NaiveDate::MIN)
    } else {
        day.checked_add_months(n).unwrap_or(NaiveDate::MAX)
    }
}

/// `at` moved by `minutes`, saturating at the first or last representable time.
pub fn add_minutes(at: NaiveDateTime, minutes: i64) -> NaiveDateTime {
    let limit = if minutes < 0 {
        NaiveDateTime::MIN
    } else {
        NaiveDateTime::MAX
    };
    Duration::try_minutes(minutes)
        .and_then(|d| at.checked_add_signed(d))
        .unwrap_or(limit)
}

/// Reads an optional date: empty input is `Ok(None)`.
pub fn parse_optional_date(input: &str, today: NaiveDate) -> Result<Option<NaiveDate>, DateError> {
    parse_optional_date_as(input, today, SlashDates::Refused)
}

/// [`parse_optional_date`], also reading `01/12/2026` the way `slash` says.
pub fn parse_optional_date_as(
    input: &str,
    today: NaiveDate,
    slash: SlashDates,
) -> Result<Option<NaiveDate>, DateError> {
    if input.trim().is_empty() {
        Ok(None)
    } else {
        parse_date_as(input, today, slash).map(Some)
    }
}

/// Reads a time of day as people write it: `14:30`, `9:30`, `9.30`, `14.00`, `9am`,
/// `9 pm`, `9:30am`. `None` when it does not read (a bare `16` is not taken for an hour:
/// it could as well be minutes).
pub fn parse_time(input: &str) -> Option<NaiveTime> {
    let text = input.trim().to_ascii_lowercase();
    let (clock, half) = match text
        .strip_suffix("am")
        .or_else(|| text.strip_suffix("a.m."))
    {
        Some(rest) => (rest.trim_end(), Some(false)),
        None => match text
            .strip_suffix("pm")
            .or_else(|| text.strip_suffix("p.m."))
        {
            Some(rest) => (rest.trim_end(), Some(true)),
            None => (text.as_str(), None),
        },
    };
    let (h, m) = match clock.split_once([':', '.']) {
        Some((h, m)) if m.len() == 2 => (h, m),
        Some(_) => return None,
        None if half.is_some() => (clock, "00"),
        None => return None,
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) {
        return None;
    }
    let (mut hour, minute): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    if let Some(pm) = half {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = match (hour, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
    }
    NaiveTime::from_hms_opt(hour, minute, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    // 2026-11-27 is a Friday.
    const TODAY: (i32, u32, u32) = (2026, 11, 27);

    fn parse(s: &str) -> Result<NaiveDate, DateError> {
        parse_date(s, d(TODAY.0, TODAY.1, TODAY.2))
    }

    #[test]
    fn times_as_people_write_them() {
        let hm = |h, m| NaiveTime::from_hms_opt(h, m, 0);
        for (text, want) in [
            ("14:30", hm(14, 30)),
            (" 9:30 ", hm(9, 30)),
            ("9.30", hm(9, 30)),
            ("14.00", hm(14, 0)),
            ("9am", hm(9, 0)),
            ("9 AM", hm(9, 0)),
            ("9pm", hm(21, 0)),
            ("9:30pm", hm(21, 30)),
            ("12am", hm(0, 0)),
            ("12pm", hm(12, 0)),
            ("00:00", hm(0, 0)),
        ] {
            assert_eq!(parse_time(text), want, "{text}");
        }
        for bad in [
            "", "16", "24:00", "12:60", "12:5", "noon", "123:00", "-1:00", "13pm", "0am", "9:3am",
            "9:30:00", "a:bc",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn accepted_forms() {
        let table = [
            ("2026-12-01", d(2026, 12, 1)),
            ("2026-2-3", d(2026, 2, 3)),
            ("today", d(2026, 11, 27)),
            ("  Today ", d(2026, 11, 27)),
            ("tomorrow", d(2026, 11, 28)),
            ("hari ini", d(2026, 11, 27)),
            ("Hari  Ini", d(2026, 11, 27)),
            ("besok", d(2026, 11, 28)),
            ("lusa", d(2026, 11, 29)),
            ("kemarin", d(2026, 11, 26)),
            ("+3d", d(2026, 11, 30)),
            ("+2w", d(2026, 12, 11)),
            ("-1w", d(2026, 11, 20)),
            ("+1m", d(2026, 12, 27)),
            ("3 hari", d(2026, 11, 30)),
            ("monday", d(2026, 11, 30)),
            ("friday", d(2026, 12, 4)),
            ("next tue", d(2026, 12, 1)),
            ("senin", d(2026, 11, 30)),
            ("jumat", d(2026, 12, 4)),
            ("minggu", d(2026, 11, 29)),
            ("+3h", d(2026, 11, 30)),
            ("+2mg", d(2026, 12, 11)),
            ("+1bln", d(2026, 12, 27)),
            // Next week, whatever it is called.
            ("minggu depan", d(2026, 12, 4)),
            ("pekan depan", d(2026, 12, 4)),
            ("next week", d(2026, 12, 4)),
            ("bulan depan", d(2026, 12, 27)),
            // "X ini": this week's X (weeks start on Monday); "X depan": next week's X.
            ("jumat ini", d(2026, 11, 27)),
            ("senin ini", d(2026, 11, 23)),
            ("sabtu ini", d(2026, 11, 28)),
            ("minggu ini", d(2026, 11, 29)),
            ("pekan ini", d(2026, 11, 29)),
            ("jumat depan", d(2026, 12, 4)),
            ("kamis depan", d(2026, 12, 3)),
            ("senin depan", d(2026, 11, 30)),
            ("minggu depan", d(2026, 12, 4)),
            // A month's name, in either language.
            ("2 Des 2026", d(2026, 12, 2)),
            ("2 Desember 2026", d(2026, 12, 2)),
            ("2 Dec 2026", d(2026, 12, 2)),
            ("17 Agu 2026", d(2026, 8, 17)),
            ("1 mei 2027", d(2027, 5, 1)),
            ("2024-02-29", d(2024, 2, 29)),
        ];
        for (input, want) in table {
            assert_eq!(parse(input), Ok(want), "input {input:?}");
        }
    }

    #[test]
    fn the_day_of_the_week_words_from_a_wednesday() {
        let wednesday = d(2026, 11, 25);
        let table = [
            ("jumat", d(2026, 11, 27)),
            ("jumat ini", d(2026, 11, 27)),
            ("jumat depan", d(2026, 12, 4)),
            ("senin ini", d(2026, 11, 23)),
            ("senin depan", d(2026, 11, 30)),
            ("rabu ini", d(2026, 11, 25)),
            ("next friday", d(2026, 11, 27)),
            ("this friday", d(2026, 11, 27)),
            ("minggu depan", d(2026, 12, 2)),
        ];
        for (input, want) in table {
            assert_eq!(parse_date(input, wednesday), Ok(want), "input {input:?}");
        }
    }

    #[test]
    fn slashed_dates_follow_the_display_format() {
        let today = d(2026, 11, 27);
        let day_first = SlashDates::DayFirst;
        assert_eq!(
            parse_date_as("01/12/2026", today, day_first),
            Ok(d(2026, 12, 1))
        );
        assert_eq!(
            parse_date_as("2/3/2027", today, day_first),
            Ok(d(2027, 3, 2))
        );
        assert_eq!(
            parse_date_as("12/01/2026", today, SlashDates::MonthFirst),
            Ok(d(2026, 12, 1))
        );
        assert!(matches!(
            parse_date_as("31/02/2026", today, day_first),
            Err(DateError::Impossible(_))
        ));
        assert!(matches!(
            parse_date("01/12/2026", today),
            Err(DateError::Unknown(_))
        ));
        // Every other form still reads.
        assert_eq!(
            parse_date_as("besok", today, day_first),
            Ok(d(2026, 11, 28))
        );
    }

    #[test]
    fn impossible_dates_say_so() {
        for input in ["2026-02-30", "2026-13-01", "2025-02-29", "2026-00-10"] {
            assert!(
                matches!(parse(input), Err(DateError::Impossible(_))),
                "input {input:?}"
            );
        }
        assert_eq!(
            parse("2026-02-30").unwrap_err().to_string(),
            "\"2026-02-30\" is not a real calendar date"
        );
    }

    #[test]
    fn unknown_words_list_what_is_accepted() {
        for input in ["someday", "next year", "+3x", "12/01/2026", "+", "d"] {
            let err = parse(input).unwrap_err();
            assert!(matches!(err, DateError::Unknown(_)), "input {input:?}");
            assert!(err.to_string().contains("tomorrow"), "{err}");
        }
        assert_eq!(parse("   "), Err(DateError::Empty));
    }

    #[test]
    fn dates_outside_the_supported_range_are_refused_not_panicked_on() {
        for input in [
            "+99999999999d",
            "+95005452d",
            "1899-12-31",
            "0001-01-01",
            "+100000m",
            "-50000w",
        ] {
            assert!(
                matches!(parse(input), Err(DateError::OutOfRange(_))),
                "input {input:?}: {:?}",
                parse(input)
            );
        }
        assert_eq!(
            parse("1899-12-31").unwrap_err().to_string(),
            "\"1899-12-31\" is outside the supported dates (1900-01-01 to 9999-12-31)"
        );
        // The words near the edges of what chrono can represent never overflow.
        for today in [NaiveDate::MIN, NaiveDate::MAX] {
            for input in [
                "tomorrow",
                "yesterday",
                "lusa",
                "friday",
                "+3d",
                "-1m",
                "today",
            ] {
                assert!(parse_date(input, today).is_err(), "{input:?} from {today}");
            }
        }
        for input in ["tomorrow", "lusa", "friday", "+3d", "+1m"] {
            assert!(
                matches!(
                    parse_date(input, d(9999, 12, 31)),
                    Err(DateError::OutOfRange(_))
                ),
                "{input:?}"
            );
        }
        assert_eq!(parse_date("today", d(9999, 12, 31)), Ok(d(9999, 12, 31)));
        assert_eq!(parse_date("9999-12-31", d(2026, 1, 1)), Ok(d(9999, 12, 31)));
        assert_eq!(parse_date("1900-01-01", d(2026, 1, 1)), Ok(d(1900, 1, 1)));
    }

    #[test]
    fn saturating_arithmetic() {
        assert_eq!(add_days(NaiveDate::MAX, 7), NaiveDate::MAX);
        assert_eq!(add_days(NaiveDate::MIN, -1), NaiveDate::MIN);
        assert_eq!(add_days(d(2026, 1, 1), i64::MAX), NaiveDate::MAX);
        assert_eq!(add_days(d(2026, 1, 1), 1), d(2026, 1, 2));
        assert_eq!(add_months(NaiveDate::MAX, 3), NaiveDate::MAX);
        assert_eq!(add_months(d(2026, 1, 31), 1), d(2026, 2, 28));
        assert_eq!(add_months(d(2026, 3, 31), -1), d(2026, 2, 28));
        let t = d(2026, 1, 1).and_hms_opt(23, 30, 0).unwrap();
        assert_eq!(
            add_minutes(t, 45),
            d(2026, 1, 2).and_hms_opt(0, 15, 0).unwrap()
        );
        assert_eq!(add_minutes(NaiveDateTime::MAX, 60), NaiveDateTime::MAX);
    }

    #[test]
    fn optional_date_allows_empty() {
        assert_eq!(parse_optional_date("", d(2026, 1, 1)), Ok(None));
        assert_eq!(
            parse_optional_date("today", d(2026, 1, 1)),
            Ok(Some(d(2026, 1, 1)))
        );
    }
}
