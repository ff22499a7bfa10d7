class UnknownToken(KeyError):
    """A token this store never issued."""


class TokenRevoked(PermissionError):
    """The token's family was revoked (reuse detected, or the user signed out everywhere)."""


class TokenReuse(PermissionError):
    """A token was presented after it had already been rotated: possible theft."""


class TokenExpired(PermissionError):
    """The token outlived its time to live."""


class TokenStore:
    def __init__(self, ttl):
        self.ttl = ttl
        self.issued = 0
        self.tokens = {}  # token -> {"family", "issued_at", "used"}
        self.families = []  # index -> {"user", "revoked"}

    def _new_token(self, family, now):
        self.issued += 1
        token = f"rt{self.issued}"
        self.tokens[token] = {"family": family, "issued_at": now, "used": False}
        return token

    def _token(self, token):
        if token not in self.tokens:
            raise UnknownToken(token)
        return self.tokens[token]

    def issue(self, user, now):
        if not isinstance(user, str) or not user:
            raise ValueError("a user is a non-empty string")
        self.families.append({"user": user, "revoked": False})
        return self._new_token(len(self.families) - 1, now)

    def rotate(self, token, now):
        record = self._token(token)
        family = self.families[record["family"]]
        if family["revoked"]:
            raise TokenRevoked(f"token {token} is revoked")
        if record["used"]:
            family["revoked"] = True
            raise TokenReuse(f"token {token} was reused: family revoked")
        expires = record["issued_at"] + self.ttl
        if now >= expires:
            raise TokenExpired(f"token {token} expired at {expires}")
        record["used"] = True
        return self._new_token(record["family"], now)

    def revoke_user(self, user):
        revoked = 0
        for family in self.families:
            if family["user"] == user:
                family["revoked"] = True
                revoked += 1
        return revoked

    def user_of(self, token):
        return self.families[self._token(token)["family"]]["user"]

    @property
    def active_families(self):
        return sum(not family["revoked"] for family in self.families)
