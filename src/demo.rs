//! The demo journal: a realistic sample kept in the JSON export format (`assets/demo.json`)
//! and imported into a throwaway in-memory journal. Its dates are written as of the day it
//! was exported (`exported_at`) and moved by as many days as have passed since, so the demo
//! never goes stale. An Indonesian sample (`assets/demo-id.json`, the same journal with its
//! names and text in Indonesian) opens under `--lang id`.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::Value;

use crate::i18n::Lang;
use crate::store::{Result, Store, StoreError};
use crate::transfer::schema::{self, Ty};
use crate::transfer::{TransferError, import_json};

const DEMO: &str = include_str!("../assets/demo.json");
const DEMO_ID: &str = include_str!("../assets/demo-id.json");

fn bad(what: impl std::fmt::Display) -> StoreError {
    StoreError::Invalid(format!("the demo sample is broken: {what}"))
}

/// A fresh in-memory journal filled with the (English) demo sample, dated relative to `now`.
pub fn demo_store(now: NaiveDateTime) -> Result<Store> {
    demo_store_in(now, Lang::En)
}

/// A fresh in-memory journal filled with the demo sample in `lang`, dated relative to `now`.
pub fn demo_store_in(now: NaiveDateTime, lang: Lang) -> Result<Store> {
    let mut store = Store::open_in_memory()?;
    fill_in(&mut store, now, lang)?;
    Ok(store)
}

/// Fills `store` with the (English) demo sample, dated relative to `now`.
pub fn fill(store: &mut Store, now: NaiveDateTime) -> Result<()> {
    fill_in(store, now, Lang::En)
}

/// Fills `store` with the demo sample in `lang`, dated relative to `now`.
pub fn fill_in(store: &mut Store, now: NaiveDateTime, lang: Lang) -> Result<()> {
    let sample = match lang {
        Lang::En => DEMO,
        Lang::Id => DEMO_ID,
    };
    let text = dated(sample, now.date())?;
    match import_json(store, &text, false) {
        Ok(_) => {}
        Err(TransferError::Store(err)) => return Err(err),
        Err(other) => return Err(bad(other)),
    }
    Ok(())
}

/// The sample `text` with every date and meeting time moved by the days from its export day
/// to `today`.
fn dated(text: &str, today: NaiveDate) -> Result<String> {
    let mut doc: Value = serde_json::from_str(text).map_err(bad)?;
    let exported = doc
        .get("exported_at")
        .and_then(Value::as_str)
        .and_then(|s| s.get(..10))
        .and_then(schema::parse_date)
        .ok_or_else(|| bad("no exported_at day"))?;
    let shift = today - exported;
    for kind in schema::KINDS {
        let Some(records) = doc.get_mut(kind.key).and_then(Value::as_array_mut) else {
            continue;
        };
        for record in records {
            for field in kind.fields {
                let Some(value) = record.get_mut(field.name) else {
                    continue;
                };
                let moved = match (field.ty, value.as_str()) {
                    (Ty::Date, Some(day)) => {
                        schema::parse_date(day).map(|d| (d + shift).format("%Y-%m-%d").to_string())
                    }
                    (Ty::LocalTime, Some(at)) => {
                        schema::parse_local_time(at).map(|t| schema::local_time_text(t + shift))
                    }
                    _ => None,
                };
                if let Some(moved) = moved {
                    *value = Value::String(moved);
                }
            }
        }
    }
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2027, 3, day)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    #[test]
    fn the_sample_imports_and_moves_with_today() {
        let first = demo_store(at(1)).unwrap();
        let later = demo_store(at(11)).unwrap();
        let next = |s: &Store, now| s.upcoming_meetings(now, 1).unwrap()[0].meeting.starts_at;
        let (a, b) = (next(&first, at(1)), next(&later, at(11)));
        assert_eq!(
            (b - a).num_days(),
            10,
            "the next meeting keeps its distance"
        );
        assert_eq!(a.date(), at(1).date() + chrono::Duration::days(2));
        assert_eq!(a.format("%H:%M").to_string(), "16:00");
        assert_eq!(first.mentors().unwrap().len(), 5);
        let candidates = first.candidates().unwrap();
        assert_eq!(candidates.len(), 2, "a candidate and an approached mentor");
        assert!(
            candidates.iter().all(|c| !c.fit.ratings.is_empty()),
            "each with its scorecard, from the sample like the rest"
        );
        let kinds: std::collections::HashSet<_> = first
            .mentors()
            .unwrap()
            .into_iter()
            .map(|m| m.relationship)
            .collect();
        assert_eq!(kinds.len(), 5, "every kind of relationship is shown");
        assert!(
            !first.search("outline", 5).unwrap().is_empty(),
            "the search index is filled"
        );
    }

    #[test]
    fn the_indonesian_sample_is_the_same_journal_in_indonesian() {
        let en = demo_store(at(1)).unwrap();
        let id = demo_store_in(at(1), Lang::Id).unwrap();
        assert_eq!(en.counts().unwrap(), id.counts().unwrap());
        let names: Vec<String> = id.mentors().unwrap().into_iter().map(|m| m.name).collect();
        assert!(names.contains(&"Budi Santoso".to_string()), "{names:?}");
        assert!(!id.search("kerangka", 5).unwrap().is_empty());
        assert!(id.search("outline", 5).unwrap().is_empty(), "English left");
    }

    #[test]
    fn a_sample_without_its_export_day_is_refused() {
        assert!(dated(r#"{"format":"mentee-journal","version":1}"#, at(1).date()).is_err());
        assert!(dated("not json", at(1).date()).is_err());
    }
}
