//! An invite's times as the journal's local wall-clock time: a UTC time (`…Z`), a time in a
//! named zone (`TZID=Europe/Berlin`, or an Outlook name such as `SE Asia Standard Time`
//! described by the file's VTIMEZONE), or a floating time (already local).
//!
//! The local zone is the process's (`TZ`, else the system's), as everywhere else in mentee.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, Local, NaiveDate, NaiveDateTime, TimeZone, Utc,
    Weekday,
};
use icalendar::parser::Component;

/// A zone an invite's times are written in.
#[derive(Debug, Clone)]
pub(crate) enum Zone {
    /// An IANA zone.
    Iana(chrono_tz::Tz),
    /// A VTIMEZONE of the file: its observances (standard and daylight time).
    Described(Vec<Observance>),
}

/// One STANDARD or DAYLIGHT part of a VTIMEZONE: from its onset on, clocks are `offset`.
#[derive(Debug, Clone)]
pub(crate) struct Observance {
    /// The first onset (local time before the change).
    start: NaiveDateTime,
    /// The offset before the change (the onset is read in it).
    from: FixedOffset,
    /// The offset from the onset on.
    to: FixedOffset,
    /// A yearly rule's month and weekday (`BYMONTH=3;BYDAY=-1SU`: the last Sunday of March).
    rule: Option<(u32, i32, Weekday)>,
}

/// The zone called `tzid`: the file's own VTIMEZONE of that name first (it says what the
/// sender meant), then an IANA name, then a Windows name Outlook uses, mapped to IANA.
pub(crate) fn find_zone(tzid: &str, timezones: &[Component<'_>]) -> Option<Zone> {
    let described = timezones
        .iter()
        .find(|tz| prop(tz, "TZID").is_some_and(|id| id.eq_ignore_ascii_case(tzid)))
        .map(observances)
        .filter(|o| !o.is_empty());
    if let Some(o) = described {
        return Some(Zone::Described(o));
    }
    let name = tzid.trim().trim_matches('"').trim_start_matches('/');
    name.parse::<chrono_tz::Tz>()
        .ok()
        .or_else(|| windows_zone(name).and_then(|n| n.parse().ok()))
        .map(Zone::Iana)
}

fn prop<'a>(c: &'a Component<'_>, name: &str) -> Option<&'a str> {
    c.properties
        .iter()
        .find(|p| p.name.as_str().eq_ignore_ascii_case(name))
        .map(|p| p.val.as_str())
}

fn observances(tz: &Component<'_>) -> Vec<Observance> {
    tz.components
        .iter()
        .filter(|c| {
            let n = c.name.as_str();
            n.eq_ignore_ascii_case("STANDARD") || n.eq_ignore_ascii_case("DAYLIGHT")
        })
        .filter_map(|c| {
            Some(Observance {
                start: prop(c, "DTSTART").and_then(parse_naive).unwrap_or_default(),
                from: prop(c, "TZOFFSETFROM").and_then(parse_offset)?,
                to: prop(c, "TZOFFSETTO").and_then(parse_offset)?,
                rule: prop(c, "RRULE").and_then(parse_rule),
            })
        })
        .collect()
}

/// `+0700`, `-0430`, `+053000` as an offset.
fn parse_offset(s: &str) -> Option<FixedOffset> {
    let s = s.trim();
    let (sign, digits) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| digits.get(r).and_then(|d| d.parse::<i32>().ok());
    let secs = n(0..2)? * 3600 + n(2..4)? * 60 + n(4..6).unwrap_or(0);
    FixedOffset::east_opt(sign * secs)
}

/// `FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU` as (3, -1, Sunday); other rules are not used.
fn parse_rule(s: &str) -> Option<(u32, i32, Weekday)> {
    let mut month = None;
    let mut day = None;
    for part in s.split(';') {
        let (k, v) = part.split_once('=')?;
        match k.to_ascii_uppercase().as_str() {
            "FREQ" if !v.eq_ignore_ascii_case("YEARLY") => return None,
            "BYMONTH" => month = v.parse::<u32>().ok(),
            "BYDAY" => {
                let v = v.trim();
                let cut = v.len().checked_sub(2).filter(|&i| v.is_char_boundary(i))?;
                let (n, wd) = v.split_at(cut);
                let n: i32 = if n.is_empty() || n == "+" {
                    1
                } else {
                    n.trim_start_matches('+').parse().ok()?
                };
                let wd = match wd.to_ascii_uppercase().as_str() {
                    "MO" => Weekday::Mon,
                    "TU" => Weekday::Tue,
                    "WE" => Weekday::Wed,
                    "TH" => Weekday::Thu,
                    "FR" => Weekday::Fri,
                    "SA" => Weekday::Sat,
                    "SU" => Weekday::Sun,
                    _ => return None,
                };
                day = Some((n, wd));
            }
            _ => {}
        }
    }
    let (n, wd) = day?;
    Some((month?, n, wd))
}

/// The `n`th `wd` of `month` in `year` (negative: from the end).
fn nth_weekday(year: i32, month: u32, n: i32, wd: Weekday) -> Option<NaiveDate> {
    if n > 0 {
        NaiveDate::from_weekday_of_month_opt(year, month, wd, u8::try_from(n).ok()?)
    } else {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let last = next.pred_opt()?;
        let back = (7 + last.weekday().num_days_from_monday() as i64
            - wd.num_days_from_monday() as i64)
            % 7;
        last.checked_sub_signed(Duration::days(back + 7 * (i64::from(-n) - 1)))
    }
}

impl Observance {
    /// The latest onset of this observance at or before `utc`, as a UTC instant.
    fn last_onset(&self, utc: NaiveDateTime) -> Option<NaiveDateTime> {
        let in_utc =
            |local: NaiveDateTime| local - Duration::seconds(self.from.local_minus_utc().into());
        let Some((month, n, wd)) = self.rule else {
            let first = in_utc(self.start);
            return (first <= utc).then_some(first);
        };
        let year = utc.year();
        [year, year - 1]
            .into_iter()
            .filter_map(|y| {
                nth_weekday(y, month, n, wd).map(|d| in_utc(d.and_time(self.start.time())))
            })
            .find(|onset| *onset <= utc && *onset >= in_utc(self.start))
    }
}

impl Zone {
    /// The UTC instant of the wall-clock time `local` in this zone (a time skipped by a
    /// change of clocks is read with the earlier offset).
    pub(crate) fn to_utc(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        match self {
            Zone::Iana(tz) => {
                let t = tz.from_local_datetime(&local);
                t.earliest()
                    .or_else(|| {
                        tz.from_local_datetime(&(local + Duration::hours(1)))
                            .earliest()
                    })
                    .map(|t| t.with_timezone(&Utc))
            }
            Zone::Described(observances) => {
                // The offset in force: of the observance with the latest onset before the time
                // (read first with each candidate offset, which differ by at most an hour).
                let offset = observances
                    .iter()
                    .filter_map(|o| {
                        let guess = local - Duration::seconds(o.to.local_minus_utc().into());
                        o.last_onset(guess).map(|onset| (onset, o.to))
                    })
                    .max_by_key(|(onset, _)| *onset)
                    .map(|(_, to)| to)
                    .or_else(|| observances.first().map(|o| o.to))?;
                offset
                    .from_local_datetime(&local)
                    .single()
                    .map(|t| t.with_timezone(&Utc))
            }
        }
    }
}

/// `20261202T093000` (with `Z` or not) as a time of day.
pub(crate) fn parse_naive(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s.trim().trim_end_matches(['Z', 'z']), "%Y%m%dT%H%M%S").ok()
}

/// A UTC instant as the local wall-clock time.
pub(crate) fn local_of(utc: DateTime<Utc>) -> NaiveDateTime {
    utc.with_timezone(&Local).naive_local()
}

/// The IANA zone of a Windows time zone name (those Outlook and Exchange write as TZID).
fn windows_zone(name: &str) -> Option<&'static str> {
    const MAP: &[(&str, &str)] = &[
        ("SE Asia Standard Time", "Asia/Bangkok"),
        ("Singapore Standard Time", "Asia/Singapore"),
        ("China Standard Time", "Asia/Shanghai"),
        ("Tokyo Standard Time", "Asia/Tokyo"),
        ("Korea Standard Time", "Asia/Seoul"),
        ("India Standard Time", "Asia/Kolkata"),
        ("AUS Eastern Standard Time", "Australia/Sydney"),
        ("W. Australia Standard Time", "Australia/Perth"),
        ("New Zealand Standard Time", "Pacific/Auckland"),
        ("GMT Standard Time", "Europe/London"),
        ("Greenwich Standard Time", "Atlantic/Reykjavik"),
        ("W. Europe Standard Time", "Europe/Berlin"),
        ("Romance Standard Time", "Europe/Paris"),
        ("Central Europe Standard Time", "Europe/Budapest"),
        ("Central European Standard Time", "Europe/Warsaw"),
        ("E. Europe Standard Time", "Europe/Chisinau"),
        ("FLE Standard Time", "Europe/Kiev"),
        ("Russian Standard Time", "Europe/Moscow"),
        ("Arabian Standard Time", "Asia/Dubai"),
        ("Eastern Standard Time", "America/New_York"),
        ("Central Standard Time", "America/Chicago"),
        ("Mountain Standard Time", "America/Denver"),
        ("Pacific Standard Time", "America/Los_Angeles"),
        ("E. South America Standard Time", "America/Sao_Paulo"),
        ("South Africa Standard Time", "Africa/Johannesburg"),
        ("UTC", "Etc/UTC"),
    ];
    MAP.iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(name))
        .map(|(_, iana)| *iana)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yearly_rules_find_the_change_of_clocks() {
        assert_eq!(
            nth_weekday(2026, 3, -1, Weekday::Sun),
            NaiveDate::from_ymd_opt(2026, 3, 29)
        );
        assert_eq!(
            nth_weekday(2026, 11, 1, Weekday::Sun),
            NaiveDate::from_ymd_opt(2026, 11, 1)
        );
        assert_eq!(
            parse_rule("FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"),
            Some((10, -1, Weekday::Sun))
        );
        assert_eq!(parse_offset("+0700"), FixedOffset::east_opt(7 * 3600));
        assert_eq!(
            parse_offset("-0430"),
            FixedOffset::east_opt(-(4 * 3600 + 1800))
        );
        assert_eq!(parse_offset("0700"), None);
    }

    #[test]
    fn windows_names_map_to_iana() {
        let Some(Zone::Iana(tz)) = find_zone("SE Asia Standard Time", &[]) else {
            panic!("not found");
        };
        assert_eq!(tz, chrono_tz::Asia::Bangkok);
        assert!(find_zone("Nowhere Standard Time", &[]).is_none());
    }
}
