"""Cross-cutting concerns shared by every blueprint: errors, security, i18n, logging, templates."""
