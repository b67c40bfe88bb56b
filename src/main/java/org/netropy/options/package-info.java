/**
 * Parameter declarations shared by the engines and their two adapters (the command line and the
 * spec kinds): each engine declares its parameters once as a {@link org.netropy.options.ParameterSchema}
 * (name, type, range, default, per-task defaults, description), validates its cross-field rules
 * on {@link org.netropy.options.OptionValues}, and the adapters only translate names
 * ({@link org.netropy.options.Naming}) so that an error speaks the caller's language.
 */
package org.netropy.options;
