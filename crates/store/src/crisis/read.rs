//! Reading crises back: the list, one crisis, its entries (one, a kind, a page of them with
//! filters, the versions of one) and its timeline.

// The row types and column lists are the parent's (shared with its commands).
use super::*;

impl Store {
    /// The crises of a workspace, running ones first, newest first.
    pub async fn crises(&self, ws: WorkspaceId) -> Result<Vec<CrisisRecord>, StoreError> {
        let rows: Vec<CrisisRow> = sqlx::query_as(&format!(
            "SELECT {CRISIS_COLUMNS} FROM rm_crises WHERE workspace_id = $1 ORDER BY closed, opened_at DESC, id"
        ))
        .bind(ws.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(crisis_from_row).collect()
    }

    /// The open exercises of every workspace (workspace, crisis): the server's release loop
    /// looks in these for injects that are due.
    pub async fn open_exercises(&self) -> Result<Vec<(WorkspaceId, StreamId)>, StoreError> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT workspace_id, id FROM rm_crises WHERE exercise = 1 AND closed = 0 ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(ws, id)| {
                let bad = |e: uuid::Error| StoreError::Corrupt(format!("crisis {id}: {e}"));
                Ok((ws.parse().map_err(bad)?, id.parse().map_err(bad)?))
            })
            .collect()
    }

    /// One crisis, only when it belongs to the workspace.
    pub async fn crisis(&self, ws: WorkspaceId, id: StreamId) -> Result<CrisisRecord, StoreError> {
        let row: CrisisRow = sqlx::query_as(&format!(
            "SELECT {CRISIS_COLUMNS} FROM rm_crises WHERE workspace_id = $1 AND id = $2"
        ))
        .bind(ws.to_string())
        .bind(id.to_string())
        .fetch_one(&self.pool)
        .await?;
        crisis_from_row(row)
    }

    /// One entry of a crisis of the workspace.
    pub async fn entry(
        &self,
        ws: WorkspaceId,
        crisis: StreamId,
        id: RecordId,
    ) -> Result<Entry, StoreError> {
        let row: EntryRow = sqlx::query_as(&format!(
            "SELECT {ENTRY_COLUMNS} FROM rm_crisis_entries WHERE workspace_id = $1 AND crisis_id = $2 AND id = $3"
        ))
        .bind(ws.to_string())
        .bind(crisis.to_string())
        .bind(id.to_string())
        .fetch_one(&self.pool)
        .await?;
        entry_from_row(row)
    }

    /// Every entry of the given kinds in a crisis, in the order they were first recorded.
    pub async fn entries(
        &self,
        ws: WorkspaceId,
        crisis: StreamId,
        kinds: &[EntryKind],
    ) -> Result<Vec<Entry>, StoreError> {
        if kinds.is_empty() {
            return Ok(vec![]);
        }
        // One query for all the kinds: `kind IN ($3, $4, …)`.
        let placeholders = (0..kinds.len())
            .map(|i| format!("${}", i + 3))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM rm_crisis_entries WHERE workspace_id = $1 AND crisis_id = $2 AND kind IN ({placeholders}) ORDER BY seq"
        );
        let mut query = sqlx::query_as::<_, EntryRow>(&sql)
            .bind(ws.to_string())
            .bind(crisis.to_string());
        for kind in kinds {
            query = query.bind(kind.code());
        }
        query
            .fetch_all(&self.pool)
            .await?
            .into_iter()
            .map(entry_from_row)
            .collect()
    }

    /// One page of the entries of a kind that pass the filter, and how many pass it in all.
    pub async fn entry_page(
        &self,
        ws: WorkspaceId,
        crisis: StreamId,
        kind: EntryKind,
        filter: &EntryFilter,
    ) -> Result<(Vec<Entry>, i64), StoreError> {
        let mut clause = String::from("workspace_id = $1 AND crisis_id = $2 AND kind = $3");
        let mut binds: Vec<String> = vec![ws.to_string(), crisis.to_string(), kind.code().into()];
        if let Some(tag) = filter.tag.as_deref().filter(|t| !t.is_empty()) {
            binds.push(tag.to_owned());
            clause.push_str(&format!(" AND tag = ${}", binds.len()));
        }
        if let Some(author) = filter.author.as_deref().filter(|t| !t.is_empty()) {
            binds.push(author.to_owned());
            clause.push_str(&format!(" AND created_by = ${}", binds.len()));
        }
        if let Some(text) = filter
            .text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            binds.push(like_pattern(text));
            clause.push_str(&format!(" AND search LIKE ${} ESCAPE '\\'", binds.len()));
        }
        let count_sql = format!("SELECT COUNT(*) FROM rm_crisis_entries WHERE {clause}");
        let mut count = sqlx::query_as::<_, (i64,)>(&count_sql);
        for b in &binds {
            count = count.bind(b.clone());
        }
        let (total,) = count.fetch_one(&self.pool).await?;
        let order = if filter.newest_first { "DESC" } else { "ASC" };
        // In the order things happened; what was recorded first goes first among equals.
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM rm_crisis_entries WHERE {clause} ORDER BY occurred_at {order}, seq {order} LIMIT {} OFFSET {}",
            filter.limit.clamp(1, 1000),
            filter.offset.max(0)
        );
        let mut query = sqlx::query_as::<_, EntryRow>(&sql);
        for b in binds {
            query = query.bind(b);
        }
        let rows = query.fetch_all(&self.pool).await?;
        let entries = rows
            .into_iter()
            .map(entry_from_row)
            .collect::<Result<_, _>>()?;
        Ok((entries, total))
    }

    /// Every recorded version of one entry, oldest first (from the log itself).
    pub async fn entry_versions(
        &self,
        crisis: StreamId,
        id: RecordId,
    ) -> Result<Vec<Envelope>, StoreError> {
        let rows: Vec<crate::stream::EventRow> = sqlx::query_as(
            "SELECT id, workspace_id, stream_id, seq, recorded_at, actor, kind, payload, prev_hash, hash \
             FROM events WHERE stream_id = $1 AND kind = 'entry_saved' AND payload LIKE $2 ORDER BY seq",
        )
        .bind(crisis.to_string())
        .bind(format!("%\"id\":\"{id}\"%"))
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(crate::stream::EventRow::into_envelope)
            .collect()
    }

    /// One page of a crisis's events in the order they happened (then as recorded),
    /// optionally only the crisis's own events (`only = Some("crisis")`) or the entries of
    /// one kind, and how many there are in all.
    pub async fn timeline_page(
        &self,
        crisis: StreamId,
        only: Option<&str>,
        offset: i64,
        limit: i64,
    ) -> Result<(Vec<Envelope>, i64), StoreError> {
        let only = match only {
            None => None,
            Some("crisis") => Some("crisis".to_owned()),
            Some(kind) => Some(
                kind.parse::<EntryKind>()
                    .map_err(|_| StoreError::NotFound)?
                    .code()
                    .to_owned(),
            ),
        };
        let clause = if only.is_some() {
            " AND t.kind = $2"
        } else {
            ""
        };
        let count_sql =
            format!("SELECT COUNT(*) FROM rm_timeline t WHERE t.crisis_id = $1{clause}");
        let mut count = sqlx::query_as::<_, (i64,)>(&count_sql).bind(crisis.to_string());
        if let Some(b) = &only {
            count = count.bind(b.clone());
        }
        let (total,) = count.fetch_one(&self.pool).await?;
        let sql = format!(
            "SELECT e.id, e.workspace_id, e.stream_id, e.seq, e.recorded_at, e.actor, e.kind, e.payload, e.prev_hash, e.hash \
             FROM rm_timeline t JOIN events e ON e.id = t.event_id \
             WHERE t.crisis_id = $1{clause} ORDER BY t.occurred_at, t.seq LIMIT {} OFFSET {}",
            limit.clamp(1, 100_000),
            offset.max(0)
        );
        let mut query = sqlx::query_as::<_, crate::stream::EventRow>(&sql).bind(crisis.to_string());
        if let Some(b) = only {
            query = query.bind(b);
        }
        let rows = query.fetch_all(&self.pool).await?;
        let envelopes = rows
            .into_iter()
            .map(crate::stream::EventRow::into_envelope)
            .collect::<Result<_, _>>()?;
        Ok((envelopes, total))
    }

    /// Events of a crisis other than entries (opening, classification, phase, GRIP, teams,
    /// restore order, closing), oldest first: the crisis's own history.
    pub async fn crisis_history(&self, crisis: StreamId) -> Result<Vec<Envelope>, StoreError> {
        let rows: Vec<crate::stream::EventRow> = sqlx::query_as(
            "SELECT id, workspace_id, stream_id, seq, recorded_at, actor, kind, payload, prev_hash, hash \
             FROM events WHERE stream_id = $1 AND kind <> 'entry_saved' ORDER BY seq",
        )
        .bind(crisis.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(crate::stream::EventRow::into_envelope)
            .collect()
    }
}
