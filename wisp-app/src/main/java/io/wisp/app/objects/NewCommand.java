package io.wisp.app.objects;

import io.wisp.core.model.ObjectModel;
import io.wisp.core.model.Operations;
import io.wisp.core.model.ResourceModel;
import io.wisp.core.model.Version;
import io.wisp.core.model.ddf.DdfWriteException;
import io.wisp.core.model.ddf.DdfWriter;
import io.wisp.core.model.validate.Finding;
import io.wisp.core.model.validate.ObjectValidator;
import io.wisp.core.node.DataType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wisp objects new}: writes a skeleton object definition that the validator accepts: the object's header
 * with a URN that fits its ID class and version (Core TS §7.2), one placeholder resource (the schema needs at least
 * one), and a BSD-3-Clause license as the OMNA registry asks for. The skeleton is validated before it is written; if
 * the ID or name make it invalid, nothing is written and the findings say why.
 */
@Command(name = "new",
        description = "Write a skeleton object definition (DDF XML) that passes 'wisp objects validate'.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written", "1:the object would be invalid, or the file could not be written",
                "2:wrong usage"})
final class NewCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--id", required = true, paramLabel = "N",
            description = "Object ID: 0..1023 OMA, 2048..10240 other standards bodies, 10241..42768 vendors,"
                    + " 42769..42800 tests.")
    int id;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "Object name, each word capitalised, e.g. 'Water Meter'.")
    String name;

    @Option(names = "--multiple", description = "The object may have several instances (default: single).")
    boolean multiple;

    @Option(names = "--version", paramLabel = "X.Y", converter = VersionConverter.class, defaultValue = "1.0",
            description = "Object version (default: ${DEFAULT-VALUE}).")
    Version objectVersion;

    @Option(names = "--lwm2m", paramLabel = "X.Y", converter = VersionConverter.class, defaultValue = "1.0",
            description = "The lowest LwM2M version the object needs (default: ${DEFAULT-VALUE}; 1.1 or later for"
                    + " Unsigned Integer and Corelnk resources).")
    Version lwm2mVersion;

    @Option(names = "--description", paramLabel = "TEXT",
            defaultValue = "What this object represents, in one sentence.",
            description = "Object description (Description1), at most 134 characters.")
    String description;

    @Option(names = "--copyright", paramLabel = "HOLDER", defaultValue = "the authors of this object",
            description = "Copyright holder named in the BSD-3-Clause license (default: ${DEFAULT-VALUE}).")
    String copyrightHolder;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Option(names = "--force", description = "Overwrite FILE when it exists.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectModel model;
        try {
            model = skeleton();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        String source = output == null ? "new object" : output.toString();
        List<Finding> findings = ObjectValidator.validateModel(model, source);
        for (Finding f : findings) {
            err.println(FindingFormat.line(f));
        }
        if (findings.stream().anyMatch(Finding::isError)) {
            err.println("nothing written: the object would not be valid");
            err.flush();
            return 1;
        }
        byte[] xml;
        try {
            xml = DdfWriter.write(model);
        } catch (DdfWriteException e) {
            err.println("nothing written: " + e.getMessage());
            err.flush();
            return 1;
        }
        int status = output == null ? print(xml, out) : save(xml, out, err);
        out.flush();
        err.flush();
        return status;
    }

    private static int print(byte[] xml, PrintWriter out) {
        out.print(new String(xml, StandardCharsets.UTF_8));
        return 0;
    }

    private int save(byte[] xml, PrintWriter out, PrintWriter err) {
        if (Files.exists(output) && !force) {
            err.println(output + " exists; nothing written (add --force to overwrite it)");
            return 1;
        }
        try {
            Files.write(output, xml);
        } catch (IOException | SecurityException e) {
            err.println("cannot write " + output + ": " + e);
            return 1;
        }
        out.println("wrote " + output + " (object " + id + " '" + name.strip() + "', version " + objectVersion
                + ")");
        return 0;
    }

    private ObjectModel skeleton() {
        if (name.isBlank()) {
            throw new IllegalArgumentException("--name must not be blank");
        }
        ResourceModel placeholder = new ResourceModel(0, "Value", Operations.READ, false, true, DataType.STRING, "",
                "", "Placeholder: rename it, set its operations, type, range and units, and add the other resources.",
                List.of());
        return new ObjectModel(id, name.strip(), description, "", multiple, false, urn(), objectVersion,
                lwm2mVersion, license(), ObjectModel.byId(List.of(placeholder)));
    }

    /** {@code urn:oma:lwm2m:{oma|ext|x}:{ID}[:{version}]}; reserved IDs get "x" and the validator's error. */
    private String urn() {
        String label = id <= 1023 ? "oma" : id >= 2048 && id <= 10240 ? "ext" : "x";
        return "urn:oma:lwm2m:" + label + ":" + id + (objectVersion.equals(Version.V1_0) ? "" : ":" + objectVersion);
    }

    private String license() {
        return """

                  SPDX-License-Identifier: BSD-3-Clause

                  Copyright (c) %d, %s.

                  Redistribution and use in source and binary forms, with or without modification, are
                  permitted provided that the following conditions are met:

                  1. Redistributions of source code must retain the above copyright notice, this list of
                     conditions and the following disclaimer.
                  2. Redistributions in binary form must reproduce the above copyright notice, this list of
                     conditions and the following disclaimer in the documentation and/or other materials
                     provided with the distribution.
                  3. Neither the name of the copyright holder nor the names of its contributors may be used
                     to endorse or promote products derived from this software without specific prior
                     written permission.

                  THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY
                  EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF
                  MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE
                  COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL,
                  EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF
                  SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION)
                  HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR
                  TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
                  SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
                """.formatted(Year.now().getValue(), copyrightHolder.strip());
    }
}
