"""The daemon: every source on its schedule, each crawl isolated in a child process."""
