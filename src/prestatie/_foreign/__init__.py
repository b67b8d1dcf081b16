"""Foreign sheets: a TOML mapping (mapping, load) says where a published table keeps each
field; importer reads the table through it (sheet, indicators) and totals checks its totals."""
