"""`make audit`: Lighthouse runs (lighthouse.py), the verdict on what each page costs (costs.py,
within budget.toml), and trim.py, which makes the tests' fixtures from Lighthouse reports."""
