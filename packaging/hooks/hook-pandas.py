# The frozen build's pandas is packaging/stubs/pandas: nothing of the real package to collect.
