//! Wins: what went well, when, the goal it serves, the mentor who helped and its evidence —
//! the raw material of a "brag document" for a performance review (issue 18).
//!
//! Pure: the record, its privacy rule and the grouping of a brag document. The store saves
//! and lists wins; the CLI (`mentee wins`) and the TUI show them.

use chrono::NaiveDate;

use super::kinds::GoalArea;
use super::privacy::Privacy;

/// Something that went well.
#[derive(Debug, Clone, PartialEq)]
pub struct Win {
    pub id: i64,
    pub uuid: String,
    /// The day it happened.
    pub on: NaiveDate,
    /// What happened, in a line.
    pub what: String,
    /// Evidence: a link, a document, a number, someone's words.
    pub evidence: String,
    /// The goal it serves, if any.
    pub goal_id: Option<i64>,
    /// The mentor who helped, if any.
    pub mentor_id: Option<i64>,
    /// The meeting it came out of (a debrief), if any.
    pub meeting_id: Option<i64>,
    pub private: bool,
}

impl Win {
    /// A win on `on`, with no goal, mentor, meeting or evidence yet.
    pub fn new(what: impl Into<String>, on: NaiveDate) -> Self {
        Win {
            id: 0,
            uuid: String::new(),
            on,
            what: what.into(),
            evidence: String::new(),
            goal_id: None,
            mentor_id: None,
            meeting_id: None,
            private: false,
        }
    }
}

/// A win with the names it is shown with: its goal (title, area) and its mentor.
#[derive(Debug, Clone, PartialEq)]
pub struct WinRow {
    pub win: Win,
    pub goal_title: Option<String>,
    pub goal_area: Option<GoalArea>,
    /// The goal is marked private.
    pub goal_private: bool,
    pub mentor_name: Option<String>,
    /// The mentor is marked private.
    pub mentor_private: bool,
}

impl WinRow {
    /// Why the win counts as private: its own flag, a private goal or a private mentor.
    pub fn privacy(&self) -> Privacy {
        Privacy::own(self.win.private)
            .goal(self.goal_private)
            .mentor(self.mentor_private)
    }
}

/// The wins of one goal (or of none) in a brag document.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalWins<'a> {
    /// The goal's title; `None` for wins not linked to a goal.
    pub goal: Option<&'a str>,
    pub wins: Vec<&'a WinRow>,
}

/// The wins of one goal area, goal by goal.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaWins<'a> {
    /// The area; `None` for wins not linked to a goal.
    pub area: Option<GoalArea>,
    pub goals: Vec<GoalWins<'a>>,
}

/// Groups `wins` for a brag document: by goal area (in the vocabulary's order, wins without
/// a goal last), then by goal (by title), each goal's wins oldest first.
pub fn brag_groups(wins: &[WinRow]) -> Vec<AreaWins<'_>> {
    let mut sorted: Vec<&WinRow> = wins.iter().collect();
    let area_rank = |w: &WinRow| w.goal_area.map_or(usize::MAX, GoalArea::index);
    sorted.sort_by(|a, b| {
        area_rank(a)
            .cmp(&area_rank(b))
            .then_with(|| a.goal_title.is_none().cmp(&b.goal_title.is_none()))
            .then_with(|| {
                let key = |w: &WinRow| w.goal_title.as_deref().unwrap_or("").to_lowercase();
                key(a).cmp(&key(b))
            })
            .then_with(|| a.win.goal_id.cmp(&b.win.goal_id))
            .then_with(|| a.win.on.cmp(&b.win.on))
            .then_with(|| a.win.id.cmp(&b.win.id))
    });
    let mut areas: Vec<AreaWins<'_>> = Vec::new();
    for row in sorted {
        let area = row.goal_area.filter(|_| row.win.goal_id.is_some());
        if areas.last().is_none_or(|a| a.area != area) {
            areas.push(AreaWins {
                area,
                goals: Vec::new(),
            });
        }
        let Some(current) = areas.last_mut() else {
            continue;
        };
        let same_goal = current
            .goals
            .last()
            .and_then(|g| g.wins.last())
            .is_some_and(|last| last.win.goal_id == row.win.goal_id);
        if !same_goal {
            current.goals.push(GoalWins {
                goal: row
                    .goal_title
                    .as_deref()
                    .filter(|_| row.win.goal_id.is_some()),
                wins: Vec::new(),
            });
        }
        if let Some(goal) = current.goals.last_mut() {
            goal.wins.push(row);
        }
    }
    areas
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn row(id: i64, what: &str, on: u32, goal: Option<(i64, &str, GoalArea)>) -> WinRow {
        let mut win = Win::new(what, day(on));
        win.id = id;
        win.goal_id = goal.map(|g| g.0);
        WinRow {
            win,
            goal_title: goal.map(|g| g.1.to_string()),
            goal_area: goal.map(|g| g.2),
            goal_private: false,
            mentor_name: None,
            mentor_private: false,
        }
    }

    #[test]
    fn brag_groups_by_area_then_goal_oldest_first_and_loose_wins_last() {
        let talks = Some((1, "Give talks", GoalArea::Confidence));
        let rust = Some((2, "Learn Rust", GoalArea::Skills));
        let lead = Some((3, "Lead a team", GoalArea::Skills));
        let wins = [
            row(1, "Spoke at meetup", 20, talks),
            row(2, "Shipped parser", 12, rust),
            row(3, "Helped a colleague", 5, None),
            row(4, "First crate", 2, rust),
            row(5, "Ran planning", 9, lead),
        ];
        let groups = brag_groups(&wins);
        type Shape<'a> = Vec<(Option<GoalArea>, Vec<(Option<&'a str>, Vec<&'a str>)>)>;
        let shape: Shape<'_> = groups
            .iter()
            .map(|a| {
                let goals = a
                    .goals
                    .iter()
                    .map(|g| (g.goal, g.wins.iter().map(|w| w.win.what.as_str()).collect()))
                    .collect();
                (a.area, goals)
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                (
                    Some(GoalArea::Skills),
                    vec![
                        (Some("Lead a team"), vec!["Ran planning"]),
                        (Some("Learn Rust"), vec!["First crate", "Shipped parser"]),
                    ]
                ),
                (
                    Some(GoalArea::Confidence),
                    vec![(Some("Give talks"), vec!["Spoke at meetup"])]
                ),
                (None, vec![(None, vec!["Helped a colleague"])]),
            ]
        );
        assert!(brag_groups(&[]).is_empty());
    }

    #[test]
    fn a_win_is_private_by_its_own_flag_its_goal_or_its_mentor() {
        let mut r = row(1, "x", 1, None);
        assert!(!r.privacy().is_private());
        r.goal_private = true;
        assert!(r.privacy().is_private());
        r.goal_private = false;
        r.mentor_private = true;
        assert!(r.privacy().is_private());
        r.mentor_private = false;
        r.win.private = true;
        assert!(r.privacy().is_private());
    }
}
