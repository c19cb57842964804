"""The local web app for editors: pages to read and check text, and a JSON API."""
