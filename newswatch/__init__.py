"""newswatch."""
