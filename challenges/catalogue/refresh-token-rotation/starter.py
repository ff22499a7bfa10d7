class UnknownToken(KeyError):
    pass


class TokenRevoked(PermissionError):
    pass


class TokenReuse(PermissionError):
    pass


class TokenExpired(PermissionError):
    pass


class TokenStore:
    def __init__(self, ttl):
        self.ttl = ttl
        self.count = 0

    def issue(self, user, now):
        self.count += 1
        return f"rt{self.count}"

    def rotate(self, token, now):
        self.count += 1
        return f"rt{self.count}"

    def revoke_user(self, user):
        return 0

    def user_of(self, token):
        return ""

    @property
    def active_families(self):
        return 0
