//! What a crisis costs: the totals above the list of cost items, and the export for the
//! finance department (CSV, formula-safe).

use super::frame::crisis_id;
use crate::AppState;
use crate::http::auth::{Authed, ViewerUp};
use crate::http::error::AppError;
use axum::extract::{Path, State};
use axum::response::Response;
use crisismap_app::crisis::Room;
use crisismap_app::i18n::Tr;
use crisismap_core::Lang;
use crisismap_core::crisis::costs::{Sums, totals};
use crisismap_core::crisis::{Entry, EntryKind};
use crisismap_core::money;

/// One line of the totals table.
pub struct TotalLine {
    pub label: &'static str,
    pub amount: String,
    pub vat: String,
    pub total: String,
    pub insured: String,
}

/// The totals of a crisis's costs, in words for the reader.
pub struct CostTotals {
    pub lines: Vec<TotalLine>,
    pub all: TotalLine,
}

fn line(label: &'static str, s: &Sums, lang: Lang) -> TotalLine {
    TotalLine {
        label,
        amount: money::display(s.amount, lang),
        vat: money::display(s.vat, lang),
        total: money::display(s.total(), lang),
        insured: money::display(s.insured, lang),
    }
}

/// The totals by category and in all; `None` when nothing was recorded.
pub(super) fn cost_totals(room: &Room, tr: Tr) -> Option<CostTotals> {
    let t = totals(room.of(EntryKind::Cost));
    if t.all.items == 0 {
        return None;
    }
    Some(CostTotals {
        lines: t
            .by_category
            .iter()
            .map(|(c, s)| {
                line(
                    crisismap_app::words::choice_label(tr, "category", c),
                    s,
                    tr.0,
                )
            })
            .collect(),
        all: line(tr.t("costs-all"), &t.all, tr.0),
    })
}

fn cents(e: &Entry, field: &str) -> i64 {
    e.data.get(field).and_then(|v| v.as_i64()).unwrap_or(0)
}

/// The costs as a CSV file for the finance department: one line per item, amounts with a
/// decimal comma and no thousands separators, `;` between fields, every cell formula-safe.
pub(super) async fn costs_csv(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let room = Room::load_with(
        &state,
        auth.user().workspace,
        crisis_id(&id)?,
        &[EntryKind::Cost],
    )
    .await?;
    let tr = Tr(auth.ctx.lang);
    let headers: Vec<&str> = [
        "f-cost-date",
        "f-cost-description",
        "f-cost-category",
        "costs-amount",
        "costs-vat",
        "costs-total",
        "f-cost-supplier",
        "f-cost-invoice",
        "f-cost-status",
        "f-cost-insured",
    ]
    .iter()
    .map(|k| tr.t(k))
    .collect();
    let mut items: Vec<&Entry> = room.of(EntryKind::Cost).collect();
    items.sort_by(|a, b| a.text("date").cmp(&b.text("date")));
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|e| {
            let (amount, vat) = (cents(e, "amount"), cents(e, "vat"));
            let choice =
                |f: &str| crisismap_app::words::choice_label(tr, f, e.text(f).unwrap_or(""));
            vec![
                e.text("date").unwrap_or("").to_owned(),
                e.title.clone(),
                choice("category").to_owned(),
                money::input_text(amount),
                money::input_text(vat),
                money::input_text(amount.saturating_add(vat)),
                e.text("supplier").unwrap_or("").to_owned(),
                e.text("invoice").unwrap_or("").to_owned(),
                choice("status").to_owned(),
                tr.t(
                    if e.data.get("insured").and_then(|v| v.as_bool()) == Some(true) {
                        "yes"
                    } else {
                        "no"
                    },
                )
                .to_owned(),
            ]
        })
        .collect();
    let body = crisismap_core::interchange::csv_export::write_csv(&headers, rows)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    crate::http::auth::audit(
        &state,
        auth.ctx
            .audit("export", &format!("costs:{}", room.id()), "ok"),
    )
    .await;
    Ok(crate::register::exports::download(
        body,
        "text/csv; charset=utf-8",
        "kosten.csv",
    ))
}
