//! The checks of the fit scorecards (`mentor_fit`, format version 3): each rating's shape,
//! and one scorecard per mentor across the file and the journal.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};
use serde_json::{Map, Value};

use super::{Checker, KindState, check_value, expected, get, text_of};
use crate::domain::limits;
use crate::store::StoreError;
use crate::transfer::TransferError;
use crate::transfer::message::{Message, Want};
use crate::transfer::schema::{self, Presence, Ty};

/// Checks `[{"criterion": code, "note": text, "rating": 1..5}]`: a known criterion, each
/// once, a whole rating from 1 to 5, a note (may be left out: empty).
pub(super) fn check_fit_ratings(items: &[Value], path: &str, ck: &mut Checker) -> Option<Value> {
    let before = ck.problems.len();
    let mut out = Vec::with_capacity(items.len());
    let mut seen: HashMap<&'static str, usize> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("{path}[{i}]");
        let Value::Object(obj) = item else {
            ck.problem(&at, expected(Want::Object, item));
            continue;
        };
        for key in obj.keys() {
            if !["criterion", "note", "rating"].contains(&key.as_str()) {
                ck.problem(&format!("{at}.{key}"), Message::UnknownField);
            }
        }
        let criterion_path = format!("{at}.criterion");
        let criterion = get(obj, &at, "criterion", Presence::Required, ck).and_then(|v| {
            let code = check_value(Ty::Code(fit_criterion), &v, &criterion_path, ck)?;
            let code = fit_criterion(code.as_str()?).ok()?;
            if let Some(first) = seen.insert(code, i) {
                ck.problem(
                    &criterion_path,
                    Message::CriterionTwice(format!("{path}[{first}]")),
                );
                return None;
            }
            Some(code)
        });
        let rating = get(obj, &at, "rating", Presence::Required, ck)
            .and_then(|v| check_value(Ty::Int(limits::RATING), &v, &format!("{at}.rating"), ck));
        let note = get(obj, &at, "note", Presence::Default("\"\""), ck)
            .and_then(|v| check_value(Ty::Text, &v, &format!("{at}.note"), ck));
        if let (Some(c), Some(r), Some(n)) = (criterion, rating, note) {
            let mut rec = Map::new();
            rec.insert("criterion".to_string(), Value::String(c.to_string()));
            rec.insert("note".to_string(), n);
            rec.insert("rating".to_string(), r);
            out.push(Value::Object(rec));
        }
    }
    (ck.problems.len() == before).then_some(Value::Array(out))
}

/// The canonical code of a fit criterion.
fn fit_criterion(s: &str) -> Result<&'static str, crate::domain::UnknownCode> {
    s.parse::<crate::domain::FitCriterion>().map(|c| c.code())
}

/// A kind with [`Kind::one_per`]: at most one record per target, counting the file and the
/// journal (a mentor has one scorecard; a second one with another uuid is refused rather
/// than written over the first).
pub(super) fn check_one_per(
    conn: &Connection,
    kinds: &[KindState],
    ck: &mut Checker,
) -> Result<(), TransferError> {
    for (kind, state) in schema::KINDS.iter().zip(kinds) {
        let Some(name) = kind.one_per else { continue };
        let Some(pos) = kind.fields.iter().position(|f| f.name == name) else {
            continue;
        };
        let Ty::Ref(target) = kind.fields[pos].ty else {
            continue;
        };
        let own: HashMap<u32, u128> = state
            .uuids
            .iter()
            .map(|(u, i)| (*i, u128::from_le_bytes(*u)))
            .collect();
        let mut first: HashMap<u128, u32> = HashMap::new();
        let sql = format!(
            "SELECT k.uuid FROM {} k JOIN {target} t ON t.id = k.{} WHERE t.uuid = ?1",
            kind.key, kind.fields[pos].column
        );
        for r in state.ck.refs.iter().filter(|r| usize::from(r.field) == pos) {
            let path = format!("{}[{}].{name}", kind.key, r.index);
            if let Some(earlier) = first.insert(r.uuid(), r.index) {
                first.insert(r.uuid(), earlier);
                ck.problem(
                    &path,
                    Message::OnePerTwice(format!("{}[{earlier}]", kind.key)),
                );
                continue;
            }
            let target_uuid = text_of(uuid::Uuid::from_u128(r.uuid()));
            let held: Option<String> = conn
                .prepare_cached(&sql)
                .and_then(|mut s| s.query_row([&target_uuid], |row| row.get(0)).optional())
                .map_err(StoreError::from)?;
            let mine = own.get(&r.index).copied();
            if let Some(held) = held
                && uuid::Uuid::parse_str(&held).ok().map(|u| u.as_u128()) != mine
            {
                ck.problem(&path, Message::OnePerInJournal(held));
            }
        }
    }
    Ok(())
}
