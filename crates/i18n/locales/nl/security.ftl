### Words about access: API keys with a scope and an expiry, logging out everywhere, failed
### logins shown to the account's owner, and what a guest of a crisis may do.

tokens-scope = Mag
tokens-scope-read = alleen lezen
tokens-scope-write = lezen en schrijven
tokens-expires = Verloopt
tokens-never = nooit
tokens-expired = verlopen
tokens-days-7 = over 7 dagen
tokens-days-30 = over 30 dagen
tokens-days-90 = over 90 dagen
tokens-days-365 = over een jaar
account-everywhere = Overal uitloggen
account-everywhere_hint = Beëindigt al uw sessies, ook deze, en trekt al uw API-tokens in. Gebruik dit als een apparaat kwijt is of iemand anders mogelijk heeft ingelogd.
account-failed_logins = Mislukte inlogpogingen op uw account sinds uw laatste aanmelding
account-failed_last = laatst op
account-failed_advice = Was u dit niet, kies dan een nieuw wachtwoord en log overal uit.
flash-logged_out_everywhere = U bent overal uitgelogd en uw API-tokens zijn ingetrokken.
