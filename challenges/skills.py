"""Display names of skills, from the slugs authors write in challenge.toml."""

# Written in capitals wherever they appear in a skill's name.
ACRONYMS = frozenset(
    {"api", "apis", "cdn", "cpu", "crud", "dns", "etag", "http", "id", "io", "json", "jwt",
     "orm", "rest", "slo", "sla", "sql", "ttl", "url", "uuid"}
)  # fmt: skip


def skill_name(slug: str) -> str:
    """`api-design` -> "API design", `window-functions` -> "Window functions"."""
    words = [word.upper() if word in ACRONYMS else word for word in slug.split("-") if word]
    if words and words[0] == words[0].lower():
        words[0] = words[0].capitalize()
    return " ".join(words)
