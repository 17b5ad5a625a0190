### Words about access: API keys with a scope and an expiry, logging out everywhere, failed
### logins shown to the account's owner, and what a guest of a crisis may do.

tokens-scope = May
tokens-scope-read = read only
tokens-scope-write = read and write
tokens-expires = Expires
tokens-never = never
tokens-expired = expired
tokens-days-7 = in 7 days
tokens-days-30 = in 30 days
tokens-days-90 = in 90 days
tokens-days-365 = in a year
account-everywhere = Log out everywhere
account-everywhere_hint = Ends all your sessions, this one too, and revokes all your API tokens. Use it when a device is lost or someone else may have logged in.
account-failed_logins = Failed login attempts on your account since you last logged in
account-failed_last = last on
account-failed_advice = If this was not you, choose a new password and log out everywhere.
flash-logged_out_everywhere = You were logged out everywhere and your API tokens were revoked.
