"""What the bundled sources hold, for tests that count: one place to change when a rule or
an extraction class adds to them."""

#: Rows of the seeds' claims table: 32 figures and 7 qualitative claims.
SEED_CLAIMS = 39
#: The seeds' figures alone (issue 9: "exactly their 32 claims").
SEED_FIGURES = 32
#: Findings on the bundled sources, and the rules that raise them.
SEED_RULES = ["RC101", "RC103", "RC201", "RC301", "RC302", "RC502"]
SEED_FINDINGS = len(SEED_RULES)
