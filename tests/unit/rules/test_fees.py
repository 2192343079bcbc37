"""Labour-remuneration withholding (劳务报酬) at and around each threshold, and fees in cents."""
import pytest
from hypothesis import given, strategies as st

from trainer.rules.fees import (DEFAULT_WITHHOLDING, fee_cents, taxable_cents, withholding_cents,
                                yuan)
from trainer.services.settings import DEFAULTS


@pytest.mark.parametrize("income_yuan, tax_yuan", [
    (0, 0), (800, 0), (1000, 40), (3000, 440), (4000, 640),          # (income − 800) × 20 %
    (4000.01, 640.00), (5000, 800), (25000, 4000),                    # income × 80 % × 20 %
    (25000.01, 4000.00), (30000, 5200), (62500, 13000),               # 30 % − 2,000
    (62500.01, 13000.00), (80000, 18600), (100000, 25000),            # 40 % − 7,000
])
def test_withholding_matches_the_labour_remuneration_table(income_yuan, tax_yuan):
    assert withholding_cents(round(income_yuan * 100)) == round(tax_yuan * 100)


def test_the_settings_default_is_the_rule_here():
    assert DEFAULTS["fees.withholding"] == DEFAULT_WITHHOLDING


def test_configurable_rates_change_the_result():
    rules = dict(DEFAULT_WITHHOLDING, flat_deduction_cents=100000)
    assert withholding_cents(300000, rules) == 40000  # (3000 − 1000) × 20 %


@given(st.integers(min_value=0, max_value=10**8))
def test_tax_is_never_negative_never_more_than_the_income_and_grows_with_it(cents):
    tax = withholding_cents(cents)
    assert 0 <= tax < max(1, cents)
    assert withholding_cents(cents + 100) >= tax
    assert taxable_cents(cents) <= cents


def test_fee_is_hours_times_rate():
    assert fee_cents(120, 50000) == 100000
    assert fee_cents(90, 30000) == 45000
    assert fee_cents(50, 10001) == 8334  # rounded half up to the cent
    assert yuan(1234567) == "12,345.67"
