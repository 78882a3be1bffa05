from permission_matrix import built_world, matrix_world  # noqa: F401  (the matrix's world, built once a module)
from scenes import demo, frank, health, media, signed_in, world  # noqa: F401  (partnerships for the page tests)

from personas import *  # noqa: F403  (the shared personas: alice, bob, charlie, dave, eve)
