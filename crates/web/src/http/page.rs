//! What every page template needs: the language, the navigation by phase, the user, the
//! CSRF token for its forms, the asset URLs and the stream it follows live.

use crate::AppState;
use crate::http::assets;
use crate::http::auth::{Principal, RequestCtx};
use crate::http::error::AppError;
use crisismap_app::i18n::Tr;
use crisismap_core::Role;

/// The main sections, by phase of the crisis cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Overview,
    Prepare,
    Crisis,
    Aftermath,
    Exercise,
    Print,
    Admin,
    Account,
    None,
}

const NAV: [(Section, &str, &str); 7] = [
    (Section::Overview, "/", "nav-overview"),
    (Section::Prepare, "/voorbereiden", "nav-prepare"),
    (Section::Crisis, "/crisis", "nav-crisis"),
    (Section::Aftermath, "/nafase", "nav-aftermath"),
    (Section::Exercise, "/oefenen", "nav-exercise"),
    (Section::Print, "/afdrukken", "nav-print"),
    (Section::Admin, "/beheer", "nav-admin"),
];

#[derive(Debug, Clone)]
pub struct NavItem {
    pub href: String,
    pub label: &'static str,
    pub current: bool,
}

#[derive(Debug, Clone)]
pub struct UserBadge {
    pub name: String,
    pub role: &'static str,
}

#[derive(Debug, Clone)]
pub struct PageCtx {
    pub tr: Tr,
    pub title: String,
    pub section: Section,
    pub user: Option<UserBadge>,
    pub is_admin: bool,
    pub workspace: Option<String>,
    pub csrf: String,
    pub css: &'static str,
    pub js: &'static str,
    pub icon: &'static str,
    /// The stream whose changes refresh this page (`main[data-live-stream]`).
    pub live_stream: Option<String>,
    /// Shows the OEFENING (exercise) banner: every page of an exercise run says so.
    pub exercise: bool,
    /// A guest's one crisis: the navigation offers only that.
    pub guest_of: Option<String>,
}

impl PageCtx {
    /// A page without a logged-in user (login, errors).
    pub fn public(ctx: &RequestCtx, title: &str) -> Self {
        let tr = Tr(ctx.lang);
        PageCtx {
            tr,
            title: title.to_owned(),
            section: Section::None,
            user: None,
            is_admin: false,
            workspace: None,
            csrf: ctx.csrf(),
            css: assets::css_url(),
            js: assets::js_url(),
            icon: assets::icon_url(),
            live_stream: None,
            exercise: false,
            guest_of: None,
        }
    }

    /// An error page: no user, no forms.
    pub fn bare(lang: crisismap_core::Lang, title: &str) -> Self {
        PageCtx {
            tr: Tr(lang),
            title: title.to_owned(),
            section: Section::None,
            user: None,
            is_admin: false,
            workspace: None,
            csrf: String::new(),
            css: assets::css_url(),
            js: assets::js_url(),
            icon: assets::icon_url(),
            live_stream: None,
            exercise: false,
            guest_of: None,
        }
    }

    /// A page for a logged-in user, with the workspace's name in the header.
    pub async fn user(
        state: &AppState,
        principal: &Principal,
        ctx: &RequestCtx,
        section: Section,
        title: &str,
    ) -> Self {
        let tr = Tr(ctx.lang);
        let workspace = state
            .store()
            .workspace(principal.user.workspace)
            .await
            .ok()
            .map(|w| w.name);
        PageCtx {
            tr,
            title: title.to_owned(),
            section,
            user: Some(UserBadge {
                name: principal.user.display_name.clone(),
                role: if principal.user.crisis_scope.is_some() {
                    tr.t("role-guest")
                } else {
                    tr.role(principal.user.role)
                },
            }),
            is_admin: principal.user.role == Role::Admin && principal.user.crisis_scope.is_none(),
            workspace,
            csrf: principal.csrf().to_owned(),
            css: assets::css_url(),
            js: assets::js_url(),
            icon: assets::icon_url(),
            live_stream: None,
            exercise: false,
            guest_of: principal.user.crisis_scope.map(|c| c.to_string()),
        }
    }

    pub fn nav(&self) -> Vec<NavItem> {
        if let Some(crisis) = &self.guest_of {
            return vec![NavItem {
                href: format!("/crisis/{crisis}"),
                label: self.tr.t("nav-crisis"),
                current: true,
            }];
        }
        NAV.iter()
            .filter(|(s, _, _)| *s != Section::Admin || self.is_admin)
            .map(|(s, href, key)| NavItem {
                href: (*href).to_owned(),
                label: self.tr.t(key),
                current: *s == self.section,
            })
            .collect()
    }

    /// Whether this user may open `href`: a guest opens only their own crisis and their
    /// account (`auth::guest_may_visit`, the rule the server enforces), so links elsewhere
    /// (the register, the list of crises) are shown as plain text, not as a way to a refusal.
    pub fn opens(&self, href: &str) -> bool {
        let Some(crisis) = self.guest_of.as_deref().and_then(|c| c.parse().ok()) else {
            return true;
        };
        let path = href.split(['?', '#']).next().unwrap_or("");
        // The home page sends a guest on to their crisis.
        !path.starts_with('/') || path == "/" || crate::http::auth::guest_may_visit(path, crisis)
    }

    pub fn lang(&self) -> &'static str {
        self.tr.0.code()
    }

    pub fn t(&self, key: &str) -> &'static str {
        self.tr.t(key)
    }

    /// A text about a number, in the form the number needs (`$count`).
    pub fn count(&self, key: &str, count: &usize) -> String {
        self.tr.count(key, *count)
    }
}

/// A page from its template.
pub fn render<T: askama::Template>(page: &T) -> Result<axum::response::Html<String>, AppError> {
    page.render()
        .map(axum::response::Html)
        .map_err(|e| AppError::Internal(format!("template: {e}")))
}
