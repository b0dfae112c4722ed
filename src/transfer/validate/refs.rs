//! The references of an import file. Each must name a record of the file or of the
//! journal; which, is known only once the whole file is read. A reference to a record not
//! read yet is kept with its uuid, to look up at the end ([`check_refs`]); one to a record
//! the file has already given is kept by its target's place (half the size), and turned back
//! into a uuid only if its target's kind is given again ([`Scan::restart`]).

use rusqlite::{Connection, OptionalExtension};

use super::{Checker, KindState, Scan, text_of};
use crate::store::StoreError;
use crate::transfer::TransferError;
use crate::transfer::message::Message;
use crate::transfer::schema::{self, Ty};

/// A reference to check once every uuid of the file is known: record `index` of its kind,
/// the field at `field` of the kind's fields (24 bytes, however long the path: the uuid's
/// bytes, not a `u128`, which would align the whole to 16 and make it 32).
pub(super) struct PendingRef {
    pub(super) index: u32,
    pub(super) field: u16,
    pub(super) uuid: [u8; 16],
}

impl PendingRef {
    pub(super) fn uuid(&self) -> u128 {
        u128::from_le_bytes(self.uuid)
    }
}

/// A reference to a record the file had already given when it was read: record `index` of
/// its kind, the field at `field`, and where its target stands (record `at` of the kind at
/// `kind` in [`schema::KINDS`]). Half the size of a [`PendingRef`]: nothing is left to look
/// up unless the target's kind is given again (see [`Scan::restart`]).
pub(super) struct ResolvedRef {
    pub(super) index: u32,
    pub(super) at: u32,
    pub(super) field: u16,
    pub(super) kind: u16,
}

impl Checker {
    /// Keeps a reference to check at the end (one to a record not read yet, see
    /// `check_record`). The list grows by a quarter at a time, not twice its size: when every
    /// reference was kept it was the largest thing the checks held at 100k records (3 MB),
    /// and doubling left up to half of it unused (4.6 MB at its peak).
    pub(super) fn note_ref(&mut self, r: PendingRef) {
        if self.refs.len() == self.refs.capacity() {
            self.refs.reserve_exact((self.refs.len() / 4).max(256));
        }
        self.refs.push(r);
    }

    /// Keeps a reference found among the records read before it, grown as [`note_ref`].
    ///
    /// [`note_ref`]: Checker::note_ref
    pub(super) fn note_resolved(&mut self, r: ResolvedRef) {
        if self.resolved.len() == self.resolved.capacity() {
            self.resolved
                .reserve_exact((self.resolved.len() / 4).max(256));
        }
        self.resolved.push(r);
    }
}

impl Scan<'_> {
    /// Forgets the records of the kind at `pos` (its array is given again: the last counts).
    /// References of other kinds found among them are looked up again at the end, by uuid,
    /// like those to records not read yet: the new array may not have their targets.
    pub(super) fn restart(&mut self, pos: usize) {
        let old = std::mem::take(&mut self.kinds[pos]);
        if self
            .kinds
            .iter()
            .all(|k| k.ck.resolved.iter().all(|r| usize::from(r.kind) != pos))
        {
            return;
        }
        let mut by_place = vec![[0u8; 16]; old.uuids.values().max().map_or(0, |m| *m as usize + 1)];
        for (uuid, at) in &old.uuids {
            by_place[*at as usize] = *uuid;
        }
        for state in &mut self.kinds {
            let ck = &mut state.ck;
            let (again, kept): (Vec<_>, Vec<_>) = ck
                .resolved
                .drain(..)
                .partition(|r| usize::from(r.kind) == pos);
            ck.resolved = kept;
            for r in again {
                ck.refs.push(PendingRef {
                    index: r.index,
                    field: r.field,
                    uuid: by_place[r.at as usize],
                });
            }
            // Back in the order of their records and fields, as they were noted.
            ck.refs.sort_by_key(|r| (r.index, r.field));
        }
    }
}

/// Every reference must name a record of the file or of the journal.
pub(super) fn check_refs(
    conn: &Connection,
    kinds: &[KindState],
    ck: &mut Checker,
) -> Result<(), TransferError> {
    let in_file = |target: &str, uuid: u128| {
        schema::position(target)
            .is_some_and(|pos| kinds[pos].uuids.contains_key(&uuid.to_le_bytes()))
    };
    for (kind, state) in schema::KINDS.iter().zip(kinds) {
        for r in &state.ck.refs {
            let field = &kind.fields[usize::from(r.field)];
            let Ty::Ref(target) = field.ty else { continue };
            if in_file(target, r.uuid()) {
                continue;
            }
            let uuid = text_of(uuid::Uuid::from_u128(r.uuid()));
            let sql = format!("SELECT 1 FROM {target} WHERE uuid = ?1");
            let found: Option<i64> = conn
                .prepare_cached(&sql)
                .and_then(|mut s| s.query_row([&uuid], |row| row.get(0)).optional())
                .map_err(StoreError::from)?;
            if found.is_none() {
                let path = format!("{}[{}].{}", kind.key, r.index, field.name);
                ck.problem(&path, Message::NoTarget(target, uuid));
            }
        }
    }
    Ok(())
}
