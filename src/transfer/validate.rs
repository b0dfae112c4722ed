//! Checking an import file completely before anything is written: every problem is
//! collected with its JSON path (`meetings[3].mentor: …`), and a file with any problem is
//! refused as a whole. What passes comes out normalised into the export's own shape.
//!
//! The file is read as a stream: serde_json hands over one record at a time, which is
//! checked and, if it passes, kept in a [`Staging`] database, never in memory. What stays in
//! memory is what cross-record checks need: each kind's uuids (16 bytes each, for
//! duplicates and references) and the references (see [`refs`]).

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::io::{BufRead, BufReader, Read};

use rusqlite::Connection;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::message::{Found, Message, Want};
use super::read::{COMMON, Fields};
use super::schema::{self, FORMAT_NAME, FORMAT_VERSION, Kind, Presence, Ty};
use super::staging::Staging;
use super::{Problem, TransferError};
use crate::domain::limits::{self, LimitError};
use crate::domain::text::clean_line;
use crate::store::StoreError;

mod fit;
mod refs;

use refs::{PendingRef, ResolvedRef, check_refs};

/// A uuid as a key of [`KindState::uuids`]: its bytes (an entry with a `u32` is 20 bytes,
/// where a `u128` key would make it 32).
type UuidKey = [u8; 16];

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
    /// References to look up at the end, in the order of their records and fields.
    refs: Vec<PendingRef>,
    /// References found among the records read before them (most of a file's: its kinds
    /// come in the order references need).
    resolved: Vec<ResolvedRef>,
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

/// What the scan learned about one kind's array.
#[derive(Default)]
struct KindState {
    ck: Checker,
    /// Every uuid of the kind in the file, with the index of its first record.
    uuids: HashMap<UuidKey, u32>,
}

/// The state of one pass over the document.
struct Scan<'a> {
    staging: &'a mut Staging,
    format: Option<Value>,
    version: Option<Value>,
    /// Top-level keys that are not ours, sorted (as a parsed document's map would list them).
    unknown: BTreeSet<String>,
    kinds: Vec<KindState>,
    /// The first error of the staging file (serde carries only a message).
    failure: Option<StoreError>,
    /// Where each record that passed its checks goes too, as it is read.
    passed: Option<&'a mut dyn Passed>,
}

/// The uuids of the file read so far, by kind.
pub struct Seen<'a>(&'a [KindState]);

impl Seen<'_> {
    /// Where the record `uuid` of the kind `target` stands in its kind's array (the index of
    /// the first record with that uuid), if it has been read.
    pub fn index(&self, target: &str, uuid: &str) -> Option<usize> {
        let pos = schema::position(target)?;
        let u = uuid::Uuid::parse_str(uuid).ok()?;
        let index = self.0.get(pos)?.uuids.get(&u.as_u128().to_le_bytes())?;
        Some(*index as usize)
    }
}

/// Takes the records that pass their checks as they are read (a new journal written while
/// its file is checked, [`super::direct`]). What it is given is not yet known to be good:
/// the file may still turn out to have problems, and then whatever was made of them must be
/// thrown away.
pub trait Passed {
    /// Record `index` of the kind at `kind` (in [`schema::KINDS`]) passed its checks;
    /// `seen` tells where the records it points at stand in the file, as far as it is read.
    fn record(&mut self, kind: usize, index: usize, rec: Fields, seen: &Seen<'_>);
    /// The array of the kind at `kind` starts. If the kind was given before, its earlier
    /// records no longer count (the last array of a kind counts).
    fn start(&mut self, kind: usize);
}

const BOM: &[u8] = "\u{feff}".as_bytes();

/// Parses and checks the document read from `reader`, one record at a time; the checked
/// records (waiting at `place`), or every problem found.
pub fn validate(
    conn: &Connection,
    reader: impl Read,
    place: super::staging::Place,
    passed: Option<&mut dyn Passed>,
) -> Result<Staging, TransferError> {
    let mut reader = BufReader::with_capacity(64 * 1024, reader);
    // A byte-order mark, as some editors write at the start of a UTF-8 file, is not content.
    if reader.fill_buf()?.starts_with(BOM) {
        reader.consume(BOM.len());
    }
    let mut staging = Staging::new(place)?;
    let mut scan = Scan {
        staging: &mut staging,
        format: None,
        version: None,
        unknown: BTreeSet::new(),
        kinds: schema::KINDS.iter().map(|_| KindState::default()).collect(),
        failure: None,
        passed: match passed {
            Some(p) => Some(&mut *p),
            None => None,
        },
    };
    let mut de = serde_json::Deserializer::from_reader(reader);
    let root = (&mut de).deserialize_any(RootVisitor(&mut scan));
    if let Some(e) = scan.failure.take() {
        return Err(e.into());
    }
    let root = root?;
    de.end()?;
    let mut ck = Checker::default();
    if let Some(other) = root {
        ck.problem("document", expected(Want::JsonObject, &other));
        return Err(TransferError::Invalid(ck.problems));
    }
    check_header(scan.format.as_ref(), scan.version.as_ref(), &mut ck);
    if !ck.problems.is_empty() {
        // A file that is not ours, or is from a newer version, is not read any further.
        return Err(TransferError::Invalid(ck.problems));
    }
    for key in &scan.unknown {
        ck.problem(key, Message::UnknownKind);
    }
    for state in &mut scan.kinds {
        ck.problems.append(&mut state.ck.problems);
    }
    check_refs(conn, &scan.kinds, &mut ck)?;
    fit::check_one_per(conn, &scan.kinds, &mut ck)?;
    if ck.problems.is_empty() {
        staging.finish()?;
        Ok(staging)
    } else {
        Err(TransferError::Invalid(ck.problems))
    }
}

/// The visit methods of a value that is not the container expected: the value as a
/// stand-in [`Value`] (containers empty), for "expected …, found …".
macro_rules! found_scalars {
    () => {
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Some(Value::Bool(v)))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(Value::from(v)))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(Value::from(v)))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Some(
                serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number),
            ))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(Value::String(v.to_string())))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Some(Value::Null))
        }
    };
}

/// The top level: an object is scanned key by key (`None`); anything else is handed back.
struct RootVisitor<'s, 'a>(&'s mut Scan<'a>);

impl<'de> Visitor<'de> for RootVisitor<'_, '_> {
    type Value = Option<Value>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    found_scalars!();

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Some(Value::Array(Vec::new())))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let scan = self.0;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => scan.format = Some(map.next_value()?),
                "version" => scan.version = Some(map.next_value()?),
                "exported_at" => {
                    map.next_value::<IgnoredAny>()?;
                }
                _ => match schema::position(&key) {
                    Some(pos) => {
                        // A key given twice: the last value counts.
                        scan.restart(pos);
                        scan.staging.clear(pos);
                        if let Some(passed) = scan.passed.as_mut() {
                            passed.start(pos);
                        }
                        map.next_value_seed(KindSeed { scan, pos })?;
                    }
                    None => {
                        scan.unknown.insert(key);
                        map.next_value::<IgnoredAny>()?;
                    }
                },
            }
        }
        Ok(None)
    }
}

/// Notes a staging file error and stops the parse.
fn fail<E: de::Error>(scan: &mut Scan<'_>, e: StoreError) -> E {
    let message = e.to_string();
    scan.failure.get_or_insert(e);
    E::custom(message)
}

/// One kind's array, checked record by record as it is read.
struct KindSeed<'s, 'a> {
    scan: &'s mut Scan<'a>,
    pos: usize,
}

impl<'de> DeserializeSeed<'de> for KindSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        let KindSeed { scan, pos } = self;
        let kind = &schema::KINDS[pos];
        if let Some(other) = d.deserialize_any(KindVisitor {
            scan: &mut *scan,
            pos,
        })? {
            scan.kinds[pos]
                .ck
                .problem(kind.key, expected(Want::Array, &other));
        }
        Ok(())
    }
}

struct KindVisitor<'s, 'a> {
    scan: &'s mut Scan<'a>,
    pos: usize,
}

impl<'de> Visitor<'de> for KindVisitor<'_, '_> {
    type Value = Option<Value>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of records")
    }

    found_scalars!();

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Some(Value::Object(Map::new())))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let kind = &schema::KINDS[self.pos];
        let targets = schema::ref_targets(kind);
        let mut index = 0;
        while let Some(item) = seq.next_element::<Value>()? {
            let (before, rest) = self.scan.kinds.split_at_mut(self.pos);
            let Some((state, after)) = rest.split_first_mut() else {
                break;
            };
            // Where a record of another kind (at `at` in KINDS) stands, if it was read.
            let pos = self.pos;
            let elsewhere = |at: usize, uuid: &UuidKey| {
                let other = match at {
                    at if at < pos => before.get(at),
                    at if at > pos => after.get(at - pos - 1),
                    _ => None,
                };
                other.and_then(|k| k.uuids.get(uuid).copied())
            };
            if let Some(fields) = check_record(
                kind,
                index,
                &item,
                &mut state.uuids,
                &targets,
                &elsewhere,
                &mut state.ck,
            ) {
                if let Err(e) = self.scan.staging.put(self.pos, &fields) {
                    return Err(fail(self.scan, e));
                }
                if let Some(passed) = self.scan.passed.as_mut() {
                    passed.record(self.pos, index, fields, &Seen(&self.scan.kinds));
                }
            }
            index += 1;
        }
        Ok(None)
    }
}

fn check_header(format: Option<&Value>, version: Option<&Value>, ck: &mut Checker) {
    match format {
        None => ck.problem("format", Message::NotOurs(None)),
        Some(Value::String(s)) if s == FORMAT_NAME => {}
        Some(other) => ck.problem("format", Message::NotOurs(Some(other.to_string()))),
    }
    match version {
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
/// `uuids` are the uuids of its kind read so far; `targets` the kinds its fields refer to
/// ([`schema::ref_targets`]); `elsewhere` says where a record of another kind (by its
/// position in [`schema::KINDS`]) stands, if it was read already.
fn check_record(
    kind: &'static Kind,
    index: usize,
    item: &Value,
    uuids: &mut HashMap<UuidKey, u32>,
    targets: &[Option<usize>],
    elsewhere: &dyn Fn(usize, &UuidKey) -> Option<u32>,
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
        if let Some(first) = uuids.get(&u.as_u128().to_le_bytes()) {
            ck.problem(
                &path,
                Message::UuidTwice(text_of(u), kind.key, *first as usize),
            );
        } else {
            uuids.insert(u.as_u128().to_le_bytes(), index as u32);
        }
        Some(text_of(u))
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
    // One buffer for every field's path (a path is needed only for a problem, but made for
    // every field: an allocation each was a tenth of the checking).
    let mut path = String::with_capacity(at.len() + 32);
    for (i, field) in kind.fields.iter().enumerate() {
        path.clear();
        path.push_str(&at);
        path.push('.');
        path.push_str(field.name);
        let value = match (
            get(obj, &at, field.name, field.presence, ck).as_deref(),
            field.ty,
        ) {
            (Some(Value::Null), _) if matches!(field.presence, Presence::Nullable) => {
                Some(Value::Null)
            }
            (Some(v), Ty::Ref(target)) => check_uuid(v, &path, ck).map(|uuid| {
                let key = uuid.as_u128().to_le_bytes();
                // A reference to a record the file has already given is found at the end
                // whatever follows (uuids are only added; a kind given again turns it back
                // into a uuid to look up), so its target's place is kept, not its uuid: a
                // file lists its kinds in the order references need, and at 100k records
                // this halves what the references take (3.8 MB). One that a kind allows once
                // per target is kept with its uuid for that check.
                let target_pos = targets[i];
                let found = match target_pos {
                    _ if kind.one_per == Some(field.name) => None,
                    Some(_) if target == kind.key => uuids.get(&key).copied(),
                    Some(t) => elsewhere(t, &key),
                    None => None,
                };
                match (found, target_pos) {
                    (Some(at), Some(t)) => ck.note_resolved(ResolvedRef {
                        index: index as u32,
                        at,
                        field: i as u16,
                        kind: t as u16,
                    }),
                    _ => ck.note_ref(PendingRef {
                        index: index as u32,
                        field: i as u16,
                        uuid: key,
                    }),
                }
                Value::String(text_of(uuid))
            }),
            (Some(v), ty) => check_value(ty, v, &path, ck),
            (None, _) => None,
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

/// A uuid as the journal writes it: lower case, hyphenated.
fn text_of(u: uuid::Uuid) -> String {
    let mut buf = uuid::Uuid::encode_buffer();
    u.hyphenated().encode_lower(&mut buf).to_string()
}

fn check_uuid(v: &Value, path: &str, ck: &mut Checker) -> Option<uuid::Uuid> {
    match v {
        Value::String(s) => match uuid::Uuid::parse_str(s) {
            Ok(u) => Some(u),
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
        // References are checked by `check_record`, which notes them for `check_refs`.
        (Ty::Ref(_), _) => check_uuid(v, path, ck).map(|u| Value::String(text_of(u))),
        (Ty::Ratings, Value::Array(items)) => check_pairs(items, path, ("question", "rating"), ck),
        (Ty::Answers, Value::Array(items)) => check_pairs(items, path, ("prompt", "answer"), ck),
        (Ty::FitRatings, Value::Array(items)) => fit::check_fit_ratings(items, path, ck),
        (Ty::Ratings | Ty::Answers | Ty::FitRatings, _) => wrong(ck, Want::Array),
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
