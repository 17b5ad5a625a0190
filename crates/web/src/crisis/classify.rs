//! The classification assistant: the guidance's questions, the proposal, and the decision.

use super::frame::crisis_href;
use super::frame::{Head, crisis_id, field, head, pairs, room_ctx};
use super::picture::{HistoryLine, history};
use crate::AppState;
use crate::http::auth::{Authed, ViewerUp};
use crate::http::error::{AppError, FieldError};
use crate::http::page::PageCtx;
use crate::http::page::render;
use askama::Template;
use axum::extract::{Path, Query, RawForm, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use crisismap_app::crisis::Room;
use crisismap_app::i18n::Tr;
use crisismap_core::crisis::{Answers, Classification, Grip, propose};

pub struct Question {
    pub code: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub yes: bool,
}

pub struct ProposalLine {
    pub what: String,
    pub reason: &'static str,
}

#[derive(Template)]
#[template(path = "crisis/classify.html")]
pub(super) struct ClassifyPage {
    ctx: PageCtx,
    head: Head,
    questions: Vec<Question>,
    asked: bool,
    classification: ProposalLine,
    grip: ProposalLine,
    teams: Vec<ProposalLine>,
    inform: Vec<ProposalLine>,
    not_inform: Vec<ProposalLine>,
    classifications: Vec<(&'static str, &'static str)>,
    grips: Vec<(&'static str, &'static str)>,
    history: Vec<HistoryLine>,
    errors: Vec<FieldError>,
}

pub(super) fn answers_from(pairs: &[(String, String)]) -> Answers {
    let mut a = Answers::default();
    for q in Answers::QUESTIONS {
        a.set(q, field(pairs, q) == "yes");
    }
    a
}

pub(super) async fn classify_view(
    state: &AppState,
    principal: &crate::http::auth::Principal,
    rctx: &crate::http::auth::RequestCtx,
    room: &Room,
    answers: Answers,
    asked: bool,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let tr = Tr(rctx.lang);
    let ctx = room_ctx(
        state,
        principal,
        rctx,
        room,
        tr.t("crisis-classify").to_owned(),
    )
    .await;
    let p = propose(&answers);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ClassifyPage {
        head: head(room, tr, "", &principal.user),
        questions: Answers::QUESTIONS
            .iter()
            .map(|q| Question {
                code: q,
                label: tr.t(&format!("q-{q}")),
                hint: tr.t(&format!("q-{q}-hint")),
                yes: answers.get(q),
            })
            .collect(),
        asked,
        classification: ProposalLine {
            what: tr
                .t(&format!(
                    "c-classification-{}",
                    p.classification.value.code()
                ))
                .to_owned(),
            reason: tr.t(&format!("reason-{}", p.classification.reason)),
        },
        grip: ProposalLine {
            what: tr.t(&format!("c-grip-{}", p.grip.value.code())).to_owned(),
            reason: tr.t(&format!("reason-{}", p.grip.reason)),
        },
        teams: p
            .teams
            .iter()
            .map(|t| ProposalLine {
                what: tr.t(&format!("c-standard-{}", t.value)).to_owned(),
                reason: tr.t(&format!("reason-{}", t.reason)),
            })
            .collect(),
        inform: p
            .inform
            .iter()
            .map(|t| ProposalLine {
                what: tr.t(&format!("c-party-{}", t.value)).to_owned(),
                reason: tr.t(&format!("reason-{}", t.reason)),
            })
            .collect(),
        not_inform: p
            .not_inform
            .iter()
            .map(|t| ProposalLine {
                what: tr.t(&format!("c-party-{}", t.value)).to_owned(),
                reason: tr.t(&format!("reason-{}", t.reason)),
            })
            .collect(),
        classifications: Classification::ALL
            .iter()
            .map(|c| (c.code(), tr.t(&format!("c-classification-{}", c.code()))))
            .collect(),
        grips: Grip::ALL
            .iter()
            .map(|g| (g.code(), tr.t(&format!("c-grip-{}", g.code()))))
            .collect(),
        history: history(state, room, tr).await?.into_iter().collect(),
        errors: crate::http::error::localize(errors, tr),
        ctx,
    };
    Ok((status, render(&page)?).into_response())
}

pub(super) async fn classify_page(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
    Query(q): Query<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let room = Room::load(&state, auth.user().workspace, crisis_id(&id)?).await?;
    let asked = q
        .iter()
        .any(|(k, _)| Answers::QUESTIONS.contains(&k.as_str()));
    let answers = if asked {
        answers_from(&q)
    } else {
        room.state().answers.unwrap_or_default()
    };
    classify_view(
        &state,
        &auth.principal,
        &auth.ctx,
        &room,
        answers,
        asked,
        vec![],
    )
    .await
}

pub(super) async fn classify(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    RawForm(body): RawForm,
) -> Result<Response, AppError> {
    let p = pairs(&body)?;
    let room = Room::load(&state, auth.user().workspace, crisis_id(&id)?).await?;
    let answers = answers_from(&p);
    let accept = field(&p, "choice") != "override";
    let command = crisismap_app::crisis::classify_command(
        &room,
        answers,
        accept,
        field(&p, "classification"),
        field(&p, "grip"),
        field(&p, "reason"),
    );
    let outcome = match crisismap_app::crisis::occurrence(field(&p, "occurred_at"), false) {
        Ok(at) => {
            crisismap_app::crisis::command(&state, &auth.principal, room.id(), command, at).await
        }
        Err(e) => Err(e),
    };
    match outcome {
        Ok(()) => {
            Ok(Redirect::to(&format!("{}?melding=saved", crisis_href(room.id()))).into_response())
        }
        Err(crisismap_app::Error::Invalid(errors)) => {
            classify_view(
                &state,
                &auth.principal,
                &auth.ctx,
                &room,
                answers,
                true,
                errors,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------- entries
