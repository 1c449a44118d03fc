"""The exercises' checks, one module per notebook (``nb02_first_c_program`` ...): each declares its
notebook's exercises with :func:`timconv_nb.course.exercises.exercise`. Every module here is loaded
by :func:`timconv_nb.course.exercises.declared`."""
