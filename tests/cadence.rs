//! Cadence and a slipping relationship on Today and in the agenda builder (issue 17, items 4
//! and 6): the demo journal without its planned meeting and with a low health check; the two
//! nudges, `p` opening the meeting form on the proposed date, and the suggestion "How is our
//! mentoring going?" accepted into the new meeting's agenda, in both languages.

mod common;

use chrono::{Duration, NaiveDate};
use common::*;
use mentee::domain::{HealthCheck, MeetingStatus};
use mentee::i18n::Lang;
use mentee::tui::App;
use mentee::tui::keys::Action;
use mentee::tui::views::View;
use ratatui::crossterm::event::KeyCode;

/// The demo journal, its planned meeting with Daniel gone (last met 13 Nov, every 14 days),
/// and a health check on 25 Nov rating trust 2.
fn slipping_app(lang: Lang) -> App {
    let store = mentee::demo::demo_store(now()).unwrap();
    let next = store.upcoming_meetings(now(), 5).unwrap();
    let daniel = next[0].meeting.mentor_id;
    for m in next {
        store.delete_meeting(m.meeting.id).unwrap();
    }
    let mut check = HealthCheck::new(daniel, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
    check.ratings = vec![("progress".into(), 4), ("trust".into(), 2)];
    store.save_health_check(&check).unwrap();
    app_on_store(store, lang, true)
}

#[test]
fn today_nudges_to_plan_and_to_talk_about_the_relationship() {
    let mut app = slipping_app(Lang::En);
    app.update(Action::ShowView(View::Today));
    let screen = draw(&mut app, 160, 48);
    assert!(screen.contains(
        "The health check with Daniel Okafor on 2026-11-25 was low: plan a meetin…  [p: plan it]"
    ));
    assert!(screen.contains(
        "No meeting planned with Daniel Okafor — you agreed every 14 days; last met 2026-11-13."
    ));
    // "No contact" is not said as well.
    assert!(!screen.contains("No contact with Daniel"));
    insta::assert_snapshot!("slipping_en_today_160x48", screen);
    insta::assert_snapshot!("slipping_en_today_80x24", draw(&mut app, 80, 24));
    let mut app = slipping_app(Lang::Id);
    app.update(Action::ShowView(View::Today));
    insta::assert_snapshot!("slipping_id_today_80x24", draw(&mut app, 80, 24));
}

#[test]
fn p_plans_the_meeting_on_the_proposed_date_and_the_agenda_takes_up_the_health_check() {
    for (lang, item) in [
        (Lang::En, "How is our mentoring going? Low: Trust 2/5."),
        (
            Lang::Id,
            "Bagaimana jalannya mentoring kita? Rendah: Rasa percaya 2/5.",
        ),
    ] {
        let mut app = slipping_app(lang);
        app.update(Action::ShowView(View::Today));
        key(&mut app, 'p');
        let form = app.form().expect("p opens the meeting form");
        // Due 27 Nov (13 Nov + 14 days), today: not before tomorrow, at the usual 16:00.
        assert_eq!(form.form.text("date"), "2026-11-28");
        assert_eq!(form.form.text("time"), "16:00");
        assert_eq!(form.form.choice("status"), "planned");
        insta::assert_snapshot!(
            format!("slipping_{}_plan_form_80x24", lang.code()),
            draw(&mut app, 80, 24)
        );
        ctrl(&mut app, 's');
        assert!(app.form().is_none(), "saved");
        let store = &app.store;
        let planned = store.upcoming_meetings(now(), 5).unwrap();
        assert_eq!(planned.len(), 1);
        let meeting = &planned[0].meeting;
        assert_eq!(meeting.status, MeetingStatus::Planned);
        assert_eq!(
            meeting.starts_at,
            (now().date() + Duration::days(1))
                .and_hms_opt(16, 0, 0)
                .unwrap()
        );
        // The nudges are gone: a meeting is planned.
        app.update(Action::ShowView(View::Today));
        let today = draw(&mut app, 160, 48);
        assert!(!today.contains("[p: plan it]") && !today.contains("[p: rencanakan]"));
        // The new meeting's agenda suggests talking about the relationship, first.
        app.update(Action::Open);
        let builder = draw(&mut app, 160, 48);
        let first_line = item.split('?').next().unwrap_or(item);
        assert!(builder.contains(first_line), "{builder}");
        insta::assert_snapshot!(format!("slipping_{}_agenda_160x48", lang.code()), builder);
        press(&mut app, KeyCode::Tab);
        key(&mut app, 'a');
        let id = app.store.upcoming_meetings(now(), 1).unwrap()[0].meeting.id;
        let agenda = app.store.agenda_of(id).unwrap();
        assert_eq!(agenda.len(), 1);
        assert!(agenda[0].text.starts_with(item), "{}", agenda[0].text);
        assert!(
            agenda[0].text.contains("graciously")
                || agenda[0].text.contains("baik-baik")
                || agenda[0].text.contains("dengan baik"),
            "{}",
            agenda[0].text
        );
        assert_eq!(agenda[0].source.as_deref(), Some("health:4"));
    }
}
