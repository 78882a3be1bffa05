from personas import *  # noqa: F403  (the shared personas: alice, bob, charlie, dave, eve)
