//! The crisis room's JSON door: the commands that change the crisis itself, and its
//! cascade.

// The door's shared imports and helpers (`crisis_id`, `kind_of`, `json`, `run`, the DTOs).
use super::*;

/// The classification assistant's answers and the advisor's choice.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassifyInput {
    #[schema(value_type = Object)]
    pub answers: Answers,
    /// true: take the proposal; false: override with `classification`, `grip` and a `reason`.
    pub accept: bool,
    #[serde(default)]
    pub classification: String,
    #[serde(default)]
    pub grip: String,
    #[serde(default)]
    pub reason: String,
    /// When it was decided: Amsterdam local time or UTC; empty: now.
    #[serde(default)]
    pub occurred_at: String,
    #[serde(default)]
    pub background: bool,
}

/// One part of the assistant's proposal: the code, its words, and why.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReasonedDto {
    pub value: String,
    pub label: String,
    /// The reason's code (stable).
    pub reason: String,
    /// The reason in the reader's language.
    pub explanation: String,
}

/// What the assistant proposes for the answers given.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProposalDto {
    pub classification: ReasonedDto,
    pub grip: ReasonedDto,
    /// Team standards: calamity_team, local_triangle, policy_team.
    pub teams: Vec<ReasonedDto>,
    pub inform: Vec<ReasonedDto>,
    /// The parties the answers do not call for, each with why not.
    pub not_inform: Vec<ReasonedDto>,
}

impl ProposalDto {
    pub fn of(p: &crisismap_core::crisis::Proposal, tr: crisismap_app::i18n::Tr) -> ProposalDto {
        let one = |value: &str, label_key: String, reason: &str| ReasonedDto {
            value: value.to_owned(),
            label: tr.t(&label_key).to_owned(),
            reason: reason.to_owned(),
            explanation: tr.t(&format!("reason-{reason}")).to_owned(),
        };
        let parties = |list: &[crisismap_core::crisis::classify::Reasoned<String>]| {
            list.iter()
                .map(|r| one(&r.value, format!("c-party-{}", r.value), &r.reason))
                .collect()
        };
        ProposalDto {
            classification: one(
                p.classification.value.code(),
                format!("c-classification-{}", p.classification.value.code()),
                &p.classification.reason,
            ),
            grip: one(
                p.grip.value.code(),
                format!("c-grip-{}", p.grip.value.code()),
                &p.grip.reason,
            ),
            teams: p
                .teams
                .iter()
                .map(|t| one(&t.value, format!("c-standard-{}", t.value), &t.reason))
                .collect(),
            inform: parties(&p.inform),
            not_inform: parties(&p.not_inform),
        }
    }
}

/// The crisis after classifying, with the proposal the answers led to.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClassifiedDto {
    #[serde(flatten)]
    pub crisis: CrisisDto,
    pub proposal: ProposalDto,
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/classification", tag = "crisis",
    params(("id" = String, Path)), request_body = ClassifyInput,
    responses((status = 200, body = ClassifiedDto), (status = 422, body = crate::http::layers::Problem)))]
pub async fn classify(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<ClassifiedDto>, AppError> {
    let input: ClassifyInput = json(body)?;
    let at = crisismap_app::crisis::occurrence(&input.occurred_at, input.background)?;
    let room = Room::load(&state, auth.user().workspace, crisis_id(&id)?).await?;
    let command = crisismap_app::crisis::classify_command(
        &room,
        input.answers,
        input.accept,
        &input.classification,
        &input.grip,
        &input.reason,
    );
    let Json(crisis) = run(&state, &auth, room.id(), command, at).await?;
    let proposal = crisismap_core::crisis::propose(&input.answers);
    Ok(Json(ClassifiedDto {
        crisis,
        proposal: ProposalDto::of(&proposal, crisismap_app::i18n::Tr(auth.ctx.lang)),
    }))
}

/// A new phase, with the reason.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PhaseInput {
    /// lukewarm, warm or aftermath.
    #[serde(default)]
    pub phase: String,
    #[serde(default)]
    pub reason: String,
    /// When it happened: Amsterdam local time or UTC; empty: now.
    #[serde(default)]
    pub occurred_at: String,
    #[serde(default)]
    pub background: bool,
}

/// A new GRIP level, with the reason.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GripInput {
    /// routine, grip1 … grip5 or rijk.
    #[serde(default)]
    pub grip: String,
    #[serde(default)]
    pub reason: String,
    /// When it happened: Amsterdam local time or UTC; empty: now.
    #[serde(default)]
    pub occurred_at: String,
    #[serde(default)]
    pub background: bool,
}

/// The order in which the register's processes are restored in this crisis.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RestoreOrderInput {
    /// Register process ids, first to restore first.
    #[serde(default)]
    pub order: Vec<String>,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub occurred_at: String,
    #[serde(default)]
    pub background: bool,
}

/// Closing the crisis, with the reason.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CloseInput {
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub occurred_at: String,
    #[serde(default)]
    pub background: bool,
}

/// The teams active in the crisis (the whole new set).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamsInput {
    /// Register team ids.
    #[serde(default)]
    pub teams: Vec<String>,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub occurred_at: String,
    #[serde(default)]
    pub background: bool,
}

/// Keeping the GRIP level or the phase as it is, with the reason it was weighed and kept.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfirmationInput {
    /// grip or phase.
    #[serde(default)]
    pub aspect: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub occurred_at: String,
    #[serde(default)]
    pub background: bool,
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/phase", tag = "crisis",
    params(("id" = String, Path)), request_body = PhaseInput,
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::http::layers::Problem)))]
pub async fn phase(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: PhaseInput = json(body)?;
    let at = crisismap_app::crisis::occurrence(&input.occurred_at, input.background)?;
    let command = crisismap_app::crisis::change_command("phase", &input.phase, &input.reason)?;
    run(&state, &auth, crisis_id(&id)?, command, at).await
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/grip", tag = "crisis",
    params(("id" = String, Path)), request_body = GripInput,
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::http::layers::Problem)))]
pub async fn grip(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: GripInput = json(body)?;
    let at = crisismap_app::crisis::occurrence(&input.occurred_at, input.background)?;
    let command = crisismap_app::crisis::change_command("grip", &input.grip, &input.reason)?;
    run(&state, &auth, crisis_id(&id)?, command, at).await
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/confirmations", tag = "crisis",
    params(("id" = String, Path)), request_body = ConfirmationInput,
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::http::layers::Problem)))]
pub async fn confirm(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: ConfirmationInput = json(body)?;
    let at = crisismap_app::crisis::occurrence(&input.occurred_at, input.background)?;
    let command = crisismap_app::crisis::confirm_command(&input.aspect, &input.reason)?;
    run(&state, &auth, crisis_id(&id)?, command, at).await
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/teams", tag = "crisis",
    params(("id" = String, Path)), request_body = TeamsInput,
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::http::layers::Problem)))]
pub async fn teams(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: TeamsInput = json(body)?;
    let at = crisismap_app::crisis::occurrence(&input.occurred_at, input.background)?;
    let index = crate::register::Index::load(&state, auth.user().workspace).await?;
    let command = crisismap_app::crisis::teams_command(&index, &input.teams, &input.reason)?;
    run(&state, &auth, crisis_id(&id)?, command, at).await
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/restore-order", tag = "crisis",
    params(("id" = String, Path)), request_body = RestoreOrderInput,
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::http::layers::Problem)))]
pub async fn restore_order(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: RestoreOrderInput = json(body)?;
    let at = crisismap_app::crisis::occurrence(&input.occurred_at, input.background)?;
    let index = crate::register::Index::load(&state, auth.user().workspace).await?;
    let mut order = vec![];
    for text in &input.order {
        let id: RecordId = choice("order", text)?;
        if index
            .get(id)
            .is_none_or(|r| r.kind != crisismap_core::register::RecordKind::Process)
        {
            return Err(AppError::Invalid(vec![FieldError {
                field: "order".into(),
                code: "unknown_reference".into(),
                message: String::new(),
            }]));
        }
        order.push(id);
    }
    let command = CrisisCommand::SetRestoreOrder {
        order,
        reason: input.reason,
    };
    run(&state, &auth, crisis_id(&id)?, command, at).await
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/close", tag = "crisis",
    params(("id" = String, Path)), request_body = CloseInput,
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::http::layers::Problem)))]
pub async fn close(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: CloseInput = json(body)?;
    let at = crisismap_app::crisis::occurrence(&input.occurred_at, input.background)?;
    run(
        &state,
        &auth,
        crisis_id(&id)?,
        CrisisCommand::Close {
            reason: input.reason,
        },
        at,
    )
    .await
}

/// The handover to the line organisation that starts the aftermath.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HandoverBody {
    /// Who coordinates the aftermath (usually the municipal secretary).
    #[serde(default)]
    pub coordinator: String,
    /// What was agreed at the handover.
    #[serde(default)]
    pub reason: String,
    /// Open actions and their new owners in the line organisation; each becomes the action's
    /// owner in the same transaction.
    #[serde(default)]
    pub transfers: Vec<TransferBody>,
    /// Register process ids still being restored.
    #[serde(default)]
    pub restoring: Vec<String>,
    #[serde(default)]
    pub occurred_at: String,
    #[serde(default)]
    pub background: bool,
}

/// One open action and its new owner in the line organisation.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransferBody {
    /// The action entry's id.
    #[serde(default)]
    pub action: String,
    /// A name or a department.
    #[serde(default)]
    pub owner: String,
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/handover", tag = "crisis",
    params(("id" = String, Path)), request_body = HandoverBody,
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::http::layers::Problem)))]
pub async fn handover(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: HandoverBody = json(body)?;
    let at = crisismap_app::crisis::occurrence(&input.occurred_at, input.background)?;
    let crisis = crisis_id(&id)?;
    let ws = auth.user().workspace;
    state.store().crisis(ws, crisis).await?;
    let handover = crisismap_app::crisis::HandoverInput {
        coordinator: input.coordinator,
        reason: input.reason,
        transfers: input
            .transfers
            .into_iter()
            .map(|t| crisismap_app::crisis::TransferInput {
                action: t.action,
                owner: t.owner,
            })
            .collect(),
        restoring: input.restoring,
    };
    crisismap_app::crisis::hand_over(&state, &auth.principal, crisis, &handover, at).await?;
    let room = Room::load(&state, ws, crisis).await?;
    Ok(Json(dto(&room.crisis, room.restore_order())))
}

/// The whole set of failing nodes of the dependency graph.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FailingInput {
    /// Graph nodes: register record ids, or `vital:<code>` for a vital process.
    #[serde(default)]
    pub nodes: Vec<String>,
    #[serde(default)]
    pub reason: String,
    /// When the nodes newly in the set failed (Amsterdam local time or UTC; empty: now);
    /// the cascade counts from then. Nodes already failing keep their moment.
    #[serde(default)]
    pub occurred_at: String,
    #[serde(default)]
    pub background: bool,
}

#[utoipa::path(post, path = "/api/v1/crises/{id}/failing", tag = "crisis",
    params(("id" = String, Path)), request_body = FailingInput,
    responses((status = 200, body = CrisisDto), (status = 422, body = crate::http::layers::Problem)))]
pub async fn set_failing(
    State(state): State<AppState>,
    crate::http::auth::Steerer(auth): crate::http::auth::Steerer,
    Path(id): Path<String>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CrisisDto>, AppError> {
    let input: FailingInput = json(body)?;
    let at = crisismap_app::crisis::occurrence(&input.occurred_at, input.background)?;
    let command =
        crisismap_app::crisis::failing_command(&state, &auth.principal, input.nodes, &input.reason)
            .await?;
    run(&state, &auth, crisis_id(&id)?, command, at).await
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImpactDto {
    pub node: String,
    pub kind: String,
    /// Minutes after the first failure.
    pub minutes: u64,
    /// The expected moment it stops working (Europe/Amsterdam).
    pub expected_at: String,
    pub path: String,
    pub public_order: String,
    pub failing: bool,
}

#[utoipa::path(get, path = "/api/v1/crises/{id}/cascade", tag = "crisis",
    params(("id" = String, Path)),
    responses((status = 200, body = [ImpactDto])))]
pub async fn cascade(
    State(state): State<AppState>,
    auth: Authed<ViewerUp>,
    Path(id): Path<String>,
) -> Result<Json<Vec<ImpactDto>>, AppError> {
    let room = Room::load(&state, auth.user().workspace, crisis_id(&id)?).await?;
    let graph = crisismap_app::register::graph_of(&room.index)?;
    let c = crate::crisis::views::crisis_cascade(
        &room,
        &graph,
        crisismap_app::i18n::Tr(auth.ctx.lang),
        state.now(),
    )?;
    Ok(Json(
        c.rows
            .into_iter()
            .map(|(r, at)| ImpactDto {
                node: r.name,
                kind: r.kind.to_owned(),
                minutes: r.minutes,
                expected_at: at,
                path: r.path,
                public_order: r.public_order,
                failing: r.failing,
            })
            .collect(),
    ))
}
