"""ReportLab runs with its C accelerator (the rl-accel package): every function it can take from
C comes from C, none from its pure-Python fallbacks."""
from reportlab.lib import rl_accel


def test_reportlab_uses_its_c_accelerator():
    import _rl_accel

    assert rl_accel._py_funcs == {}
    for name in ("fp_str", "escapePDF", "unicode2T1", "instanceStringWidthTTF", "calcChecksum"):
        assert getattr(rl_accel, name) is getattr(_rl_accel, name), name
