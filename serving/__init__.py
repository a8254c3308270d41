"""Runtime parts of the deployment: stores that check their database, the action server's entry point."""
