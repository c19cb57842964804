"""Reports: findings as text, JSON, SARIF, JUnit or GitHub annotations; readability for editors."""
