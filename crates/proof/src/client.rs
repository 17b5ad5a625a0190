//! Using the server as its users do: a browser session (cookies, CSRF tokens from the
//! forms), an API token, the bodies they send, and the accounts that do it.

// The crate's shared imports and constants.
use super::*;

/// A logged-in browser: keeps its session cookie, reads CSRF tokens from forms, does not
/// follow redirects.
#[derive(Debug, Clone)]
pub struct Browser {
    pub client: reqwest::Client,
    pub base: String,
    pub csrf: String,
}

fn csrf_in(html: &str) -> Option<String> {
    let marker = "name=\"_csrf\" value=\"";
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_owned())
}

impl Browser {
    pub fn new(base: &str, timeout: Duration) -> anyhow::Result<Browser> {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .gzip(true)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(timeout)
            .build()?;
        Ok(Browser {
            client,
            base: base.to_owned(),
            csrf: String::new(),
        })
    }

    /// Reads a page: (status, body), remembering its CSRF token.
    pub async fn page(&mut self, path: &str) -> anyhow::Result<(StatusCode, String)> {
        let r = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await?;
        let status = r.status();
        let body = r.text().await?;
        if let Some(t) = csrf_in(&body) {
            self.csrf = t;
        }
        Ok((status, body))
    }

    /// Posts a form with the current CSRF token.
    pub async fn post_form(
        &self,
        path: &str,
        fields: &[(&str, &str)],
    ) -> anyhow::Result<reqwest::Response> {
        let mut all: Vec<(&str, &str)> = vec![("_csrf", self.csrf.as_str())];
        all.extend_from_slice(fields);
        Ok(self
            .client
            .post(format!("{}{path}", self.base))
            .form(&all)
            .send()
            .await?)
    }

    /// Logs in; returns where the server sends the browser next (`/wachtwoord` when the
    /// password must be changed first).
    pub async fn login(&mut self, email: &str, password: &str) -> anyhow::Result<String> {
        self.page("/inloggen").await?;
        let r = self
            .post_form("/inloggen", &[("email", email), ("password", password)])
            .await?;
        if r.status() != StatusCode::SEE_OTHER {
            bail!("login of {email}: HTTP {}", r.status());
        }
        let next = r
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("/")
            .to_owned();
        self.page(&next).await?;
        Ok(next)
    }

    /// Replaces the one-time password, as the first login demands.
    pub async fn change_password(&mut self, current: &str, new: &str) -> anyhow::Result<()> {
        self.page("/wachtwoord").await?;
        let r = self
            .post_form(
                "/wachtwoord",
                &[("current", current), ("new", new), ("repeat", new)],
            )
            .await?;
        if r.status() != StatusCode::SEE_OTHER {
            bail!("password change: HTTP {}", r.status());
        }
        Ok(())
    }

    /// Sets up two-step verification when the product asks for it first (administrators
    /// always): start, read the key from the page, confirm with the code an authenticator
    /// app would show now.
    pub async fn enrol_second_factor_if_asked(&mut self) -> anyhow::Result<()> {
        let r = self.client.get(format!("{}/", self.base)).send().await?;
        let to = r
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if !to.starts_with("/account/tweestaps") {
            return Ok(());
        }
        self.page("/account/tweestaps").await?;
        let r = self.post_form("/account/tweestaps/start", &[]).await?;
        if r.status() != StatusCode::SEE_OTHER {
            bail!("two-step setup: HTTP {}", r.status());
        }
        let (_, html) = self.page("/account/tweestaps").await?;
        let at = html
            .find("data-totp-secret>")
            .ok_or_else(|| anyhow::anyhow!("the setup page shows no key"))?;
        let key: String = html[at + "data-totp-secret>".len()..]
            .chars()
            .take_while(|c| *c != '<')
            .filter(|c| !c.is_whitespace())
            .collect();
        let secret = totp_rs::Secret::try_from_base32(&key)
            .map_err(|e| anyhow::anyhow!("key {key:?}: {e:?}"))?;
        let totp = totp_rs::Builder::new()
            .with_secret(secret)
            .build()
            .map_err(|e| anyhow::anyhow!("key {key:?}: {e:?}"))?;
        let now = {
            use crisismap_core::Clock;
            u64::try_from(crisismap_core::SystemClock.now().as_second())?
        };
        let code = totp.generate(now).to_string();
        let r = self
            .post_form("/account/tweestaps/bevestigen", &[("code", &code)])
            .await?;
        if r.status() != StatusCode::OK {
            bail!("two-step confirmation: HTTP {}", r.status());
        }
        Ok(())
    }

    /// Creates a personal API token on the account page; returns it (shown once).
    pub async fn create_token(&mut self, name: &str) -> anyhow::Result<String> {
        self.page("/account").await?;
        let r = self.post_form("/account/tokens", &[("name", name)]).await?;
        if r.status() != StatusCode::CREATED {
            bail!("token: HTTP {}", r.status());
        }
        let body = r.text().await?;
        let mut rest = body.as_str();
        while let Some(i) = rest.find("cm_") {
            let candidate: String = rest[i + 3..]
                .chars()
                .take_while(char::is_ascii_hexdigit)
                .collect();
            if candidate.len() == 64 {
                return Ok(format!("cm_{candidate}"));
            }
            rest = &rest[i + 3..];
        }
        bail!("the account page shows no new token")
    }
}

/// A client of the JSON API with a bearer token.
#[derive(Debug, Clone)]
pub struct Api {
    pub client: reqwest::Client,
    pub base: String,
    pub token: String,
}

impl Api {
    pub fn new(base: &str, token: &str, timeout: Duration) -> anyhow::Result<Api> {
        Ok(Api {
            client: reqwest::Client::builder().timeout(timeout).build()?,
            base: base.to_owned(),
            token: token.to_owned(),
        })
    }

    pub async fn post(&self, path: &str, body: &Value) -> reqwest::Result<reqwest::Response> {
        self.client
            .post(format!("{}/api/v1{path}", self.base))
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
    }

    pub async fn get(&self, path: &str) -> reqwest::Result<reqwest::Response> {
        self.client
            .get(format!("{}/api/v1{path}", self.base))
            .bearer_auth(&self.token)
            .send()
            .await
    }

    /// Opens a running (warm) crisis; returns its id.
    pub async fn open_crisis(&self, title: &str, known: &str) -> anyhow::Result<String> {
        let r = self
            .post(
                "/crises",
                &json!({"title": title, "known": known, "phase": "warm"}),
            )
            .await?;
        let status = r.status();
        let body: Value = r.json().await?;
        if status != StatusCode::CREATED {
            bail!("open crisis: HTTP {status}: {body}");
        }
        body["id"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| anyhow!("no crisis id in {body}"))
    }

    /// Records an entry (`log`, `decision`, …); the response as it came.
    pub async fn add_entry(
        &self,
        crisis: &str,
        kind: &str,
        body: &Value,
    ) -> reqwest::Result<reqwest::Response> {
        self.post(&format!("/crises/{crisis}/entries/{kind}"), body)
            .await
    }

    /// Every entry of one kind of the crisis: (id, title), oldest first.
    pub async fn all_entries(
        &self,
        crisis: &str,
        kind: &str,
    ) -> anyhow::Result<Vec<(String, String)>> {
        let mut out = vec![];
        for page in 0..10_000 {
            let r = self
                .get(&format!(
                    "/crises/{crisis}/entries/{kind}?limit=1000&offset={}",
                    page * 1000
                ))
                .await?;
            if !r.status().is_success() {
                bail!("entries: HTTP {}", r.status());
            }
            let rows: Vec<Value> = r.json().await?;
            let n = rows.len();
            for row in rows {
                out.push((
                    row["id"].as_str().unwrap_or_default().to_owned(),
                    row["title"].as_str().unwrap_or_default().to_owned(),
                ));
            }
            if n < 1000 {
                break;
            }
        }
        Ok(out)
    }
}

/// Now, in UTC, as the API takes it.
pub fn now_utc() -> String {
    use crisismap_core::Clock;
    let now = crisismap_core::SystemClock.now();
    now.round(jiff::Unit::Second)
        .map_or_else(|_| now.to_string(), |t| t.to_string())
}

/// A decision as the crisis team records one.
pub fn decision(title: &str) -> Value {
    json!({
        "title": title,
        "decision": "De gemeente betaalt geen losgeld en herstelt het zaaksysteem vanaf de back-up van gisteren.",
        "considerations": "De back-up is gecontroleerd; herstel kost naar schatting zes uur. Betalen garandeert niets.",
        "decided_by": "Burgemeester",
        "decided_at": now_utc(),
    })
}

/// A log entry as the note-taker writes one.
pub fn log_entry(text: &str) -> Value {
    json!({
        "occurred_at": now_utc(),
        "category": "report",
        "text": text,
        "source": "Servicedesk",
    })
}

/// One person of the crisis team: an account, a password, an API token.
#[derive(Debug, Clone)]
pub struct Account {
    pub email: String,
    pub token: String,
}

/// Creates the workspace "Gemeente Belasting" and `members` members through the command
/// line, before the server runs. Returns (e-mail, one-time password), the administrator first.
pub fn create_accounts(
    cm: &Crisismap,
    db: &Database,
    members: usize,
) -> anyhow::Result<Vec<(String, String)>> {
    let admin = "beheer@belasting.nl".to_owned();
    let otp = cm.init(db, "Gemeente Belasting", &admin)?;
    let mut out = vec![(admin, otp)];
    for i in 1..=members {
        let email = format!("lid{i}@belasting.nl");
        let role = if i.is_multiple_of(4) {
            "editor"
        } else {
            "member"
        };
        let otp = cm.add_user(db, &email, &format!("Teamlid {i}"), role)?;
        out.push((email, otp));
    }
    Ok(out)
}

/// The first login of each account, as its owner would: replace the one-time password by
/// [`PASSWORD`] and make a personal API token.
pub async fn activate(base: &str, accounts: &[(String, String)]) -> anyhow::Result<Vec<Account>> {
    use futures_util::StreamExt;
    let results: Vec<anyhow::Result<Account>> = futures_util::stream::iter(accounts.iter())
        .map(|(email, otp)| async move {
            let mut b = Browser::new(base, Duration::from_secs(60))?;
            let next = b.login(email, otp).await?;
            if next != "/wachtwoord" {
                bail!("{email}: expected to be asked for a new password, went to {next}");
            }
            b.change_password(otp, PASSWORD).await?;
            b.enrol_second_factor_if_asked().await?;
            let token = b.create_token("proef").await?;
            Ok(Account {
                email: email.clone(),
                token,
            })
        })
        .buffered(4)
        .collect()
        .await;
    results.into_iter().collect()
}
