"""Server-rendered pages for candidates, progressively enhanced by a small script bundle."""
