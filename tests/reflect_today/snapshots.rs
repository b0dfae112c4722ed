//! Snapshots of Today and Reflections (and the review form) on the demo journal, in English
//! and Indonesian, at 80×24 and 160×48.

use super::common::ctrl;
use super::common::*;
use mentee::i18n::Lang;
use mentee::tui::keys::Action;
use mentee::tui::views::View;

#[test]
fn today_and_reflections_in_both_languages() {
    for lang in [Lang::En, Lang::Id] {
        let mut app = demo_app(lang);
        for (view, name) in [(View::Today, "today"), (View::Reflections, "reflections")] {
            app.update(Action::ShowView(view));
            for (w, h) in [(80, 24), (160, 48)] {
                insta::assert_snapshot!(
                    format!("{name}_{}_{w}x{h}", lang.code()),
                    draw(&mut app, w, h)
                );
            }
        }
        key(&mut app, 'n');
        ctrl(&mut app, 's');
        for (w, h) in [(80, 24), (160, 48)] {
            insta::assert_snapshot!(
                format!("review_form_{}_{w}x{h}", lang.code()),
                draw(&mut app, w, h)
            );
        }
    }
}
