"""Lecturer fees (讲课费) and the individual income tax withheld on them as labour remuneration
(劳务报酬所得, 预扣预缴). Pure functions on integer cents; the rates come from the office setting
`fees.withholding` so a change in the law is a settings change.

Per payment: income ≤ 4,000 yuan → taxable = income − 800; above → taxable = income × 80 %;
tax = taxable × rate − quick deduction with the brackets 20 % up to 20,000, 30 % − 2,000 up to
50,000, 40 % − 7,000 above."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Mapping

DEFAULT_WITHHOLDING: dict[str, Any] = {
    "threshold_cents": 400000, "flat_deduction_cents": 80000, "deduction_percent": 20,
    "brackets": [[2000000, 20, 0], [5000000, 30, 200000], [None, 40, 700000]],
}


def _cents(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def taxable_cents(income_cents: int, rules: Mapping[str, Any] = DEFAULT_WITHHOLDING) -> int:
    if income_cents <= rules["threshold_cents"]:
        return max(0, income_cents - rules["flat_deduction_cents"])
    return _cents(Decimal(income_cents) * (100 - rules["deduction_percent"]) / 100)


def withholding_cents(income_cents: int, rules: Mapping[str, Any] = DEFAULT_WITHHOLDING) -> int:
    """Tax to withhold from one payment of `income_cents`."""
    if income_cents <= 0:
        return 0
    taxable = taxable_cents(income_cents, rules)
    for bound, rate, quick in rules["brackets"]:
        if bound is None or taxable <= bound:
            return max(0, _cents(Decimal(taxable) * rate / 100) - quick)
    raise ValueError("the last withholding bracket must have no upper bound")


def fee_cents(minutes: int, hourly_rate_cents: int) -> int:
    """Hours taught × the hourly rate, in cents (a 90-minute lesson is 1.5 hours)."""
    return _cents(Decimal(minutes) * hourly_rate_cents / 60)


def yuan(cents: int) -> str:
    """12,345.60"""
    return f"{Decimal(cents) / 100:,.2f}"
