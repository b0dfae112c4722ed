//! Resources in the store: saved and listed, edited field by field, deleted and undone,
//! and a thanks linked to an introduction.

use chrono::NaiveDate;

use super::*;
use crate::domain::{Gratitude, Mentor, ResourceKind};
use crate::store::UpdateOutcome;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

#[test]
fn resources_are_saved_and_listed_by_status_mentor_and_goal() {
    let store = Store::open_in_memory().unwrap();
    let daniel = store.save_mentor(&Mentor::new("Daniel")).unwrap();
    let goal = store.save_goal(&crate::domain::Goal::new("Lead")).unwrap();
    let mut book = Resource::new("Deep Work", day(1));
    book.mentor_id = Some(daniel);
    book.goal_id = Some(goal);
    let book = store.save_resource(&book).unwrap();
    let mut course = Resource::new("Rust course", day(2));
    course.kind = ResourceKind::Course;
    course.status = ResourceStatus::Doing;
    let course = store.save_resource(&course).unwrap();
    let all = store.resource_list(ResourceFilter::default()).unwrap();
    let ids: Vec<i64> = all.iter().map(|r| r.resource.id).collect();
    assert_eq!(ids, vec![course, book], "doing before to do");
    let row = &all[1];
    assert_eq!(row.mentor_name.as_deref(), Some("Daniel"));
    assert_eq!(row.goal_title.as_deref(), Some("Lead"));
    let by_mentor = store
        .resource_list(ResourceFilter {
            mentor_id: Some(daniel),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(by_mentor.len(), 1);
    let doing = store
        .resource_list(ResourceFilter {
            status: Some(ResourceStatus::Doing),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(doing[0].resource.id, course);
    let for_goal = store
        .resource_list(ResourceFilter {
            goal_id: Some(goal),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(for_goal[0].resource.title, "Deep Work");
    assert!(store.save_resource(&Resource::new(" ", day(1))).is_err());
}

#[test]
fn an_edit_writes_only_its_fields_and_keeps_anothers() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store
        .save_resource(&Resource::new("Deep Work", day(1)))
        .unwrap();
    let original = store.resource(id).unwrap();
    // Elsewhere: the takeaway is written.
    let mut theirs = original.clone();
    theirs.takeaway = "Block mornings".into();
    assert!(matches!(
        store.update(&original, &theirs).unwrap(),
        UpdateOutcome::Saved { .. }
    ));
    // Here: the status moves on, from the form opened before.
    let mine = original.moved_to(ResourceStatus::Done, day(5));
    assert!(matches!(
        store.update(&original, &mine).unwrap(),
        UpdateOutcome::Merged { .. }
    ));
    let now = store.resource(id).unwrap();
    assert_eq!(now.status, ResourceStatus::Done);
    assert_eq!(now.done_on, Some(day(5)));
    assert_eq!(now.takeaway, "Block mornings");
}

#[test]
fn delete_and_undo_keep_the_thanks_link() {
    let mut store = Store::open_in_memory().unwrap();
    let daniel = store.save_mentor(&Mentor::new("Daniel")).unwrap();
    let mut intro = Resource::new("Ana", day(1));
    intro.kind = ResourceKind::Person;
    intro.mentor_id = Some(daniel);
    intro.status = ResourceStatus::Done;
    intro.done_on = Some(day(3));
    let intro = store.save_resource(&intro).unwrap();
    assert_eq!(store.introductions_to_thank(10).unwrap().len(), 1);
    let thanks = store
        .save_gratitude(&Gratitude::new("For meeting Ana", day(4)))
        .unwrap();
    store.link_thanks_to_resource(thanks, Some(intro)).unwrap();
    assert!(store.introductions_to_thank(10).unwrap().is_empty());
    assert!(store.resource_row(intro).unwrap().thanked);
    let deleted = store.delete_with_undo(RecordKind::Resource, intro).unwrap();
    assert_eq!(store.resource_of_thanks(thanks).unwrap(), None);
    assert!(matches!(
        store.resource(intro),
        Err(StoreError::NotFound { .. })
    ));
    store.undo_delete(&deleted).unwrap();
    assert_eq!(store.resource_of_thanks(thanks).unwrap(), Some(intro));
    assert_eq!(store.resource(intro).unwrap().title, "Ana");
}

#[test]
fn a_private_goal_or_mentor_makes_the_resource_private() {
    let store = Store::open_in_memory().unwrap();
    let mut m = Mentor::new("Hidden");
    m.private = true;
    let m = store.save_mentor(&m).unwrap();
    let mut r = Resource::new("Book", day(1));
    r.mentor_id = Some(m);
    let id = store.save_resource(&r).unwrap();
    assert!(store.resource_row(id).unwrap().as_ref().private);
    let open = store.save_resource(&Resource::new("Open", day(1))).unwrap();
    assert!(!store.resource_row(open).unwrap().as_ref().private);
}

#[test]
fn every_combination_of_filters_is_the_whole_list_filtered() {
    let store = Store::open_in_memory().unwrap();
    let mentors: Vec<i64> = ["A", "B"]
        .iter()
        .map(|n| store.save_mentor(&Mentor::new(*n)).unwrap())
        .collect();
    let goal = store.save_goal(&crate::domain::Goal::new("Lead")).unwrap();
    let statuses = [
        ResourceStatus::Todo,
        ResourceStatus::Doing,
        ResourceStatus::Done,
    ];
    for i in 0..24u32 {
        let mut r = Resource::new(format!("R{i}"), day(1 + i % 20));
        r.mentor_id = (i % 3 != 2).then(|| mentors[(i % 2) as usize]);
        r.goal_id = (i % 4 == 0).then_some(goal);
        r.status = statuses[(i % 3) as usize];
        store.save_resource(&r).unwrap();
    }
    let all = store.resource_list(ResourceFilter::default()).unwrap();
    let ids = |rows: &[ResourceRow]| rows.iter().map(|r| r.resource.id).collect::<Vec<_>>();
    for status in [
        None,
        Some(ResourceStatus::Done),
        Some(ResourceStatus::Doing),
    ] {
        for mentor_id in [None, Some(mentors[0]), Some(mentors[1])] {
            for goal_id in [None, Some(goal)] {
                let filter = ResourceFilter {
                    status,
                    mentor_id,
                    goal_id,
                };
                let want: Vec<ResourceRow> = all
                    .iter()
                    .filter(|r| status.is_none_or(|s| r.resource.status == s))
                    .filter(|r| mentor_id.is_none_or(|m| r.resource.mentor_id == Some(m)))
                    .filter(|r| goal_id.is_none_or(|g| r.resource.goal_id == Some(g)))
                    .cloned()
                    .collect();
                let got = store.resource_list(filter).unwrap();
                assert_eq!(ids(&got), ids(&want), "{filter:?}");
            }
        }
    }
}
