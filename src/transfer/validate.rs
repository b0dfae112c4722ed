//! Checking an import file completely before anything is written: every problem is
//! collected with its JSON path (`meetings[3].mentor: …`), and a file with any problem is
//! refused as a whole. What passes comes out normalised into the export's own shape.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};
use serde_json::{Map, Value};

use super::message::{Found, Message, Want};
use super::read::{COMMON, Fields};
use super::schema::{self, FORMAT_NAME, FORMAT_VERSION, Kind, Presence, Ty};
use super::{Problem, TransferError};
use crate::domain::limits::{self, LimitError};
use crate::domain::text::clean_line;
use crate::store::StoreError;

/// The checked records of one kind, in file order.
pub struct Incoming {
    pub kind: &'static Kind,
    pub records: Vec<Fields>,
}

/// A reference to check once every uuid of the file is known.
struct PendingRef {
    path: String,
    target: &'static str,
    uuid: String,
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
    refs: Vec<PendingRef>,
}

impl Checker {
    fn problem(&mut self, path: &str, message: impl Into<Message>) {
        self.problems.push(Problem {
            // Keys come from the file: a control character in one is shown, never run.
            path: clean_line(path).into_owned(),
            message: message.into(),
        });
    }
}

/// Parses and checks `text`; the records in canonical form, or every problem found.
pub fn validate(conn: &Connection, text: &str) -> Result<Vec<Incoming>, TransferError> {
    // A byte-order mark, as some editors write at the start of a UTF-8 file, is not content.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root: Value = serde_json::from_str(text)?;
    let mut ck = Checker::default();
    let Value::Object(root) = root else {
        ck.problem("document", expected(Want::JsonObject, &root));
        return Err(TransferError::Invalid(ck.problems));
    };
    check_header(&root, &mut ck);
    if !ck.problems.is_empty() {
        // A file that is not ours, or is from a newer version, is not read any further.
        return Err(TransferError::Invalid(ck.problems));
    }
    for key in root.keys() {
        let known = matches!(key.as_str(), "format" | "version" | "exported_at")
            || schema::KINDS.iter().any(|k| k.key == key);
        if !known {
            ck.problem(key, Message::UnknownKind);
        }
    }
    let mut incoming = Vec::new();
    let mut seen: HashMap<&str, HashMap<String, usize>> = HashMap::new();
    for kind in schema::KINDS {
        let records = match root.get(kind.key) {
            None => Vec::new(),
            Some(Value::Array(items)) => {
                let uuids = seen.entry(kind.key).or_default();
                items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, item)| check_record(kind, i, item, uuids, &mut ck))
                    .collect()
            }
            Some(other) => {
                ck.problem(kind.key, expected(Want::Array, other));
                Vec::new()
            }
        };
        incoming.push(Incoming { kind, records });
    }
    check_refs(conn, &seen, &mut ck)?;
    if ck.problems.is_empty() {
        Ok(incoming)
    } else {
        Err(TransferError::Invalid(ck.problems))
    }
}

fn check_header(root: &Map<String, Value>, ck: &mut Checker) {
    match root.get("format") {
        None => ck.problem("format", Message::NotOurs(None)),
        Some(Value::String(s)) if s == FORMAT_NAME => {}
        Some(other) => ck.problem("format", Message::NotOurs(Some(other.to_string()))),
    }
    match root.get("version") {
        None => ck.problem("version", Message::Missing),
        Some(v) => match v.as_i64() {
            Some(n) if n > FORMAT_VERSION => {
                ck.problem("version", Message::NewerVersion(n, FORMAT_VERSION))
            }
            Some(n) if n >= 1 => {}
            _ => ck.problem("version", Message::NotAVersion(v.to_string())),
        },
    }
}

/// Checks one record; its canonical fields, or None (problems noted) when it is unusable.
fn check_record(
    kind: &'static Kind,
    index: usize,
    item: &Value,
    uuids: &mut HashMap<String, usize>,
    ck: &mut Checker,
) -> Option<Fields> {
    let at = format!("{}[{index}]", kind.key);
    let Value::Object(obj) = item else {
        ck.problem(&at, expected(Want::Object, item));
        return None;
    };
    for key in obj.keys() {
        let known = ["uuid", "created_at", "updated_at", "private"].contains(&key.as_str())
            || kind.fields.iter().any(|f| f.name == key);
        if !known {
            ck.problem(&format!("{at}.{key}"), Message::UnknownField);
        }
    }
    let before = ck.problems.len();
    let mut fields: Fields = Vec::with_capacity(COMMON + kind.fields.len());
    let uuid = get(obj, &at, "uuid", Presence::Required, ck).and_then(|v| {
        let path = format!("{at}.uuid");
        let u = check_uuid(&v, &path, ck)?;
        if let Some(first) = uuids.get(&u) {
            ck.problem(&path, Message::UuidTwice(u.clone(), kind.key, *first));
        } else {
            uuids.insert(u.clone(), index);
        }
        Some(u)
    });
    fields.push(("uuid", Value::String(uuid.unwrap_or_default())));
    for name in ["created_at", "updated_at"] {
        let path = format!("{at}.{name}");
        let stamp = get(obj, &at, name, Presence::Required, ck).and_then(|v| match &*v {
            Value::String(s) => match schema::parse_stamp(s) {
                Some(t) => {
                    within(limits::check_stamp(name, t), &path, ck).map(|()| schema::stamp_text(t))
                }
                None => {
                    ck.problem(&path, Message::NotAStamp(s.clone()));
                    None
                }
            },
            other => {
                ck.problem(&path, expected(Want::String, other));
                None
            }
        });
        fields.push((name, Value::String(stamp.unwrap_or_default())));
    }
    let private = get(obj, &at, "private", Presence::Default("false"), ck)
        .and_then(|v| check_value(Ty::Bool, &v, &format!("{at}.private"), ck));
    fields.push(("private", private.unwrap_or(Value::Bool(false))));
    for field in kind.fields {
        let path = format!("{at}.{}", field.name);
        let value = match get(obj, &at, field.name, field.presence, ck).as_deref() {
            Some(Value::Null) if matches!(field.presence, Presence::Nullable) => Some(Value::Null),
            Some(v) => check_value(field.ty, v, &path, ck),
            None => None,
        };
        fields.push((field.name, value.unwrap_or(Value::Null)));
    }
    (ck.problems.len() == before).then_some(fields)
}

/// The field's value, its default when left out, or None (noted) when it is required.
fn get<'a>(
    obj: &'a Map<String, Value>,
    at: &str,
    name: &str,
    presence: Presence,
    ck: &mut Checker,
) -> Option<std::borrow::Cow<'a, Value>> {
    match (obj.get(name), presence) {
        (Some(v), _) => Some(std::borrow::Cow::Borrowed(v)),
        (None, Presence::Required) => {
            ck.problem(&format!("{at}.{name}"), Message::Missing);
            None
        }
        (None, Presence::Nullable) => Some(std::borrow::Cow::Owned(Value::Null)),
        (None, Presence::Default(literal)) => Some(std::borrow::Cow::Owned(
            serde_json::from_str(literal).unwrap_or(Value::Null),
        )),
    }
}

fn check_uuid(v: &Value, path: &str, ck: &mut Checker) -> Option<String> {
    match v {
        Value::String(s) => match uuid::Uuid::parse_str(s) {
            Ok(u) => Some(u.hyphenated().to_string()),
            Err(_) => {
                ck.problem(path, Message::NotAUuid(s.clone()));
                None
            }
        },
        other => {
            ck.problem(path, expected(Want::Uuid, other));
            None
        }
    }
}

/// `Some(())` when the domain's check passed; otherwise the breach is noted at `path`.
fn within(checked: Result<(), LimitError>, path: &str, ck: &mut Checker) -> Option<()> {
    match checked {
        Ok(()) => Some(()),
        Err(e) => {
            ck.problem(path, Message::Limit(e.breach));
            None
        }
    }
}

fn check_text(s: &str, path: &str, ck: &mut Checker) -> Option<Value> {
    within(limits::check_text("text", s), path, ck).map(|()| Value::String(s.to_string()))
}

/// Checks one value against its type; the canonical value, or None (noted).
fn check_value(ty: Ty, v: &Value, path: &str, ck: &mut Checker) -> Option<Value> {
    let wrong = |ck: &mut Checker, want: Want| {
        ck.problem(path, expected(want, v));
        None
    };
    match (ty, v) {
        (Ty::Text, Value::String(s)) => check_text(s, path, ck),
        (Ty::Title, Value::String(s)) => {
            within(limits::check_title("text", s), path, ck).map(|()| v.clone())
        }
        (Ty::Text | Ty::Title, _) => wrong(ck, Want::String),
        (Ty::Date, Value::String(s)) => match schema::parse_date(s) {
            Some(d) => within(limits::check_date("date", d), path, ck).map(|()| v.clone()),
            None => {
                ck.problem(path, Message::NotADate(s.clone()));
                None
            }
        },
        (Ty::Date, _) => wrong(ck, Want::Date),
        (Ty::LocalTime, Value::String(s)) => match schema::parse_local_time(s) {
            Some(t) => within(limits::check_time("time", t), path, ck)
                .map(|()| Value::String(schema::local_time_text(t))),
            None => {
                ck.problem(path, Message::NotATime(s.clone()));
                None
            }
        },
        (Ty::LocalTime, _) => wrong(ck, Want::DateTime),
        (Ty::Int(range), Value::Number(n)) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => {
                within(limits::check_int("number", i, range), path, ck).map(|()| Value::from(i))
            }
            // Beyond i64: out of every range, said with the number as written.
            (None, Some(_)) => {
                ck.problem(
                    path,
                    Message::Limit(limits::Breach::OutOfRange {
                        value: n.to_string(),
                        min: range.min,
                        max: range.max,
                    }),
                );
                None
            }
            (None, None) => wrong(ck, Want::WholeNumber),
        },
        (Ty::Int(_), _) => wrong(ck, Want::WholeNumber),
        (Ty::Real, Value::Number(n)) => {
            let x = n.as_f64().unwrap_or(f64::INFINITY);
            within(limits::check_number("number", x), path, ck)?;
            serde_json::Number::from_f64(x).map(Value::Number)
        }
        (Ty::Real, _) => wrong(ck, Want::Number),
        (Ty::Bool, Value::Bool(_)) => Some(v.clone()),
        (Ty::Bool, _) => wrong(ck, Want::Bool),
        (Ty::Code(parse), Value::String(s)) => match parse(s) {
            Ok(code) => Some(Value::String(code.to_string())),
            Err(unknown) => {
                ck.problem(path, Message::UnknownCode(unknown));
                None
            }
        },
        (Ty::Code(_), _) => wrong(ck, Want::String),
        (Ty::Ref(target), _) => {
            let uuid = check_uuid(v, path, ck)?;
            ck.refs.push(PendingRef {
                path: path.to_string(),
                target,
                uuid: uuid.clone(),
            });
            Some(Value::String(uuid))
        }
        (Ty::Ratings, Value::Array(items)) => check_pairs(items, path, ("question", "rating"), ck),
        (Ty::Answers, Value::Array(items)) => check_pairs(items, path, ("prompt", "answer"), ck),
        (Ty::Ratings | Ty::Answers, _) => wrong(ck, Want::Array),
    }
}

/// Checks `[{"question": code, "rating": 1..5}]` or `[{"prompt": code, "answer": text}]`.
fn check_pairs(
    items: &[Value],
    path: &str,
    (code, val): (&str, &str),
    ck: &mut Checker,
) -> Option<Value> {
    let before = ck.problems.len();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = format!("{path}[{i}]");
        let Value::Object(obj) = item else {
            ck.problem(&at, expected(Want::Object, item));
            continue;
        };
        for key in obj.keys().filter(|k| *k != code && *k != val) {
            ck.problem(&format!("{at}.{key}"), Message::UnknownField);
        }
        let code_value = get(obj, &at, code, Presence::Required, ck)
            .and_then(|v| check_value(Ty::Title, &v, &format!("{at}.{code}"), ck));
        let val_path = format!("{at}.{val}");
        let value = get(obj, &at, val, Presence::Required, ck).and_then(|v| {
            if val == "rating" {
                check_value(Ty::Int(limits::RATING), &v, &val_path, ck)
            } else {
                check_value(Ty::Text, &v, &val_path, ck)
            }
        });
        if let (Some(c), Some(v)) = (code_value, value) {
            let mut pair = Map::new();
            pair.insert(code.to_string(), c);
            pair.insert(val.to_string(), v);
            out.push(Value::Object(pair));
        }
    }
    (ck.problems.len() == before).then_some(Value::Array(out))
}

/// Every reference must name a record of the file or of the journal.
fn check_refs(
    conn: &Connection,
    in_file: &HashMap<&str, HashMap<String, usize>>,
    ck: &mut Checker,
) -> Result<(), TransferError> {
    for r in std::mem::take(&mut ck.refs) {
        if in_file
            .get(r.target)
            .is_some_and(|s| s.contains_key(&r.uuid))
        {
            continue;
        }
        let sql = format!("SELECT 1 FROM {} WHERE uuid = ?1", r.target);
        let found: Option<i64> = conn
            .prepare_cached(&sql)
            .and_then(|mut s| s.query_row([&r.uuid], |row| row.get(0)).optional())
            .map_err(StoreError::from)?;
        if found.is_none() {
            ck.problem(&r.path, Message::NoTarget(r.target, r.uuid));
        }
    }
    Ok(())
}

/// "expected `want`, found (the type of `v`)", or the number itself when `v` is one.
fn expected(want: Want, v: &Value) -> Message {
    match v {
        Value::Number(n) => Message::ExpectedNot {
            want,
            number: n.to_string(),
        },
        _ => Message::Expected {
            want,
            found: Found::of(v),
        },
    }
}
