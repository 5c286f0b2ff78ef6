"""What the bundled sources hold, for tests that count: one place to change when a rule or
an extraction class adds to them."""

#: Rows the four documents give the claims table: 32 figures, 6 words that rank or single out
#: a region, and 25 items of 002's regional lists.
SEED_CLAIMS = 63
#: The seeds' figures alone (issue 9: "exactly their 32 claims").
SEED_FIGURES = 32
#: Inputs of a run from the repository root: the four documents and rules/reference/companies.csv.
SEED_INPUTS = 5
#: Findings on the bundled sources, and the rules that raise them.
SEED_RULES = ["RC101", "RC103", "RC201", "RC301", "RC302", "RC502", "RC601", "RC603", "RC701"]
SEED_FINDINGS = len(SEED_RULES)
